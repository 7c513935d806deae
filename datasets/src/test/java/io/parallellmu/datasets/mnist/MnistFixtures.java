package io.parallellmu.datasets.mnist;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Tiny MNIST data sets in the official IDX layout, written byte by byte, with known contents. */
final class MnistFixtures {

    static final int SIDE = 28;
    static final int PIXELS = SIDE * SIDE;

    private MnistFixtures() {}

    /** The fixture's pixel p of record i of a split: a pattern that differs across records and pixels. */
    static int pixel(int split, int record, int p) {
        return (split * 101 + record * 31 + p * 7) % 256;
    }

    /** The fixture's label of record i of a split. */
    static int label(int split, int record) {
        return (split * 3 + record) % 10;
    }

    /** Writes the four official files, train split 0 and test split 1, gzipped or plain. */
    static void writeOfficial(Path dir, int trainCount, int testCount, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        String suffix = gzip ? ".gz" : "";
        write(dir.resolve("train-images-idx3-ubyte" + suffix), images(0, trainCount), gzip);
        write(dir.resolve("train-labels-idx1-ubyte" + suffix), labels(0, trainCount), gzip);
        write(dir.resolve("t10k-images-idx3-ubyte" + suffix), images(1, testCount), gzip);
        write(dir.resolve("t10k-labels-idx1-ubyte" + suffix), labels(1, testCount), gzip);
    }

    /** The bytes of an image file of the given split. */
    static byte[] images(int split, int count) throws IOException {
        return images(split, count, 2051, count, SIDE, SIDE);
    }

    /** The bytes of an image file with a given header, holding {@code count} images of rows x cols. */
    static byte[] images(int split, int count, int magic, int declared, int rows, int cols) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(declared);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * cols; p++) {
                out.writeByte(pixel(split, i, p));
            }
        }
        return bytes.toByteArray();
    }

    /** The bytes of a label file of the given split. */
    static byte[] labels(int split, int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(2049);
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeByte(label(split, i));
        }
        return bytes.toByteArray();
    }

    /** Writes bytes to a file, gzipped when asked. */
    static void write(Path file, byte[] bytes, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(bytes);
        }
    }

    /** Gzips bytes in memory. */
    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
