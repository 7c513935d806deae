package io.parallellmu.datasets.mnist;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes uncompressed IDX files in the layout {@link IdxReader} reads, for converted stand-ins. */
public final class IdxWriter {

    private IdxWriter() {}

    /**
     * Writes an IDX image file.
     *
     * @param file the file to write
     * @param count the number of images
     * @param rows rows per image
     * @param cols columns per image
     * @param pixels {@code count * rows * cols} pixels, image after image
     * @throws IOException if writing fails
     */
    public static void writeImages(Path file, int count, int rows, int cols, byte[] pixels) throws IOException {
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(
                    pixels.length + " pixels do not make " + count + " images of " + rows + "x" + cols);
        }
        try (DataOutputStream out = open(file)) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            out.write(pixels);
        }
    }

    /**
     * Writes an IDX label file.
     *
     * @param file the file to write
     * @param labels one label per record
     * @throws IOException if writing fails
     */
    public static void writeLabels(Path file, byte[] labels) throws IOException {
        try (DataOutputStream out = open(file)) {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            out.write(labels);
        }
    }

    private static DataOutputStream open(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }
}
