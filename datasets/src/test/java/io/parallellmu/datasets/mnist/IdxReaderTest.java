package io.parallellmu.datasets.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.datasets.DataFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsImagesPlainAndGzipped(boolean gzip) throws IOException {
        Path file = dir.resolve(gzip ? "images.gz" : "images");
        MnistFixtures.write(file, MnistFixtures.images(0, 3), gzip);

        IdxImages images = IdxReader.readImages(file);

        assertEquals(3, images.count());
        assertEquals(28, images.rows());
        assertEquals(28, images.cols());
        assertEquals(3 * 784, images.pixels().length);
        assertEquals(MnistFixtures.pixel(0, 0, 0), images.pixels()[0] & 0xFF);
        assertEquals(MnistFixtures.pixel(0, 2, 783), images.pixels()[3 * 784 - 1] & 0xFF);
        assertEquals(MnistFixtures.pixel(0, 1, 5), images.pixels()[784 + 5] & 0xFF);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsLabelsPlainAndGzipped(boolean gzip) throws IOException {
        Path file = dir.resolve(gzip ? "labels.gz" : "labels");
        MnistFixtures.write(file, MnistFixtures.labels(0, 12), gzip);

        IdxLabels labels = IdxReader.readLabels(file);

        assertEquals(12, labels.count());
        for (int i = 0; i < 12; i++) {
            assertEquals(MnistFixtures.label(0, i), labels.label(i));
        }
    }

    @Test
    void readsPixelsAbove127AsUnsigned() throws IOException {
        Path file = dir.resolve("images");
        MnistFixtures.write(file, MnistFixtures.images(0, 2), false);
        IdxImages images = IdxReader.readImages(file);
        int max = 0;
        for (byte b : images.pixels()) {
            max = Math.max(max, b & 0xFF);
        }
        assertEquals(255, max);
    }

    @Test
    void wrongMagicNamesFileOffsetAndBothNumbers() throws IOException {
        Path file = dir.resolve("train-images-idx3-ubyte");
        Files.write(file, MnistFixtures.labels(0, 4));

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(file));

        assertEquals(file, e.getFile());
        assertEquals("byte 0", e.getPosition());
        assertTrue(e.getMessage().startsWith(file + ", byte 0: magic number 0x00000801 (2049), expected 0x00000803 (2051)"), e.getMessage());
        assertTrue(e.getMessage().contains("this is an IDX labels file"), e.getMessage());
    }

    @Test
    void gzippedFileWithoutGzSuffixGetsAHint() throws IOException {
        Path file = dir.resolve("t10k-images-idx3-ubyte");
        Files.write(file, MnistFixtures.gzip(MnistFixtures.images(1, 1)));

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(file));

        assertEquals("byte 0", e.getPosition());
        assertTrue(e.getMessage().contains("gzipped, so its name must end in .gz"), e.getMessage());
    }

    @Test
    void truncatedImagesSayHowManyArrived() throws IOException {
        Path file = dir.resolve("images");
        byte[] full = MnistFixtures.images(0, 3);
        Files.write(file, Arrays.copyOf(full, full.length - 100));

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(file));

        assertEquals("byte " + (full.length - 100), e.getPosition());
        assertTrue(e.getMessage().contains("file ends after 2 of the 3 images its header declares (truncated; expected "
                + full.length + " bytes)"), e.getMessage());
    }

    @Test
    void truncatedHeader() throws IOException {
        Path file = dir.resolve("images");
        Files.write(file, Arrays.copyOf(MnistFixtures.images(0, 1), 10));

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(file));

        assertEquals("byte 10", e.getPosition());
        assertTrue(e.getMessage().contains("inside the 16-byte header"), e.getMessage());
    }

    @Test
    void truncatedLabels() throws IOException {
        Path file = dir.resolve("labels");
        byte[] full = MnistFixtures.labels(0, 10);
        Files.write(file, Arrays.copyOf(full, full.length - 3));

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readLabels(file));

        assertEquals("byte 15", e.getPosition());
        assertTrue(e.getMessage().contains("file ends after 7 of the 10 labels"), e.getMessage());
    }

    @Test
    void trailingBytesAreAnError() throws IOException {
        Path file = dir.resolve("labels");
        byte[] full = MnistFixtures.labels(0, 4);
        Files.write(file, Arrays.copyOf(full, full.length + 2));

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readLabels(file));

        assertEquals("byte 12", e.getPosition());
        assertTrue(e.getMessage().contains("2 unexpected bytes after the 4 labels"), e.getMessage());
    }

    @Test
    void emptySetIsAnError() throws IOException {
        Path file = dir.resolve("images");
        Files.write(file, MnistFixtures.images(0, 0));

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(file));

        assertEquals("byte 4", e.getPosition());
        assertTrue(e.getMessage().contains("declares 0 images (empty data set)"), e.getMessage());
    }

    @Test
    void corruptGzipNamesDecompressedOffset() throws IOException {
        Path file = dir.resolve("images.gz");
        byte[] gz = MnistFixtures.gzip(MnistFixtures.images(0, 20));
        for (int i = 20; i < gz.length - 8; i++) {
            gz[i] = (byte) 0xFF;
        }
        Files.write(file, gz);

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(file));

        assertEquals(file, e.getFile());
        assertTrue(e.getPosition().startsWith("decompressed byte "), e.getPosition());
        assertTrue(e.getMessage().contains("corrupt gzip data: "), e.getMessage());
    }

    @Test
    void truncatedGzip() throws IOException {
        Path file = dir.resolve("labels.gz");
        byte[] gz = MnistFixtures.gzip(MnistFixtures.labels(0, 1000));
        Files.write(file, Arrays.copyOf(gz, gz.length / 2));

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readLabels(file));

        assertTrue(e.getPosition().startsWith("decompressed byte "), e.getPosition());
        assertTrue(e.getMessage().contains("gzip stream ends early (truncated .gz file)"), e.getMessage());
    }

    @Test
    void aDirectoryWhereTheFileShouldBeIsNamed() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("train-images-idx3-ubyte"));

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(folder));

        assertEquals(folder, e.getFile());
        assertTrue(e.getMessage().contains("is a directory, but an IDX file was expected here"), e.getMessage());
    }

    @Test
    void gzipBombStopsAtTheDeclaredSize() throws IOException {
        Path file = dir.resolve("labels.gz");
        byte[] header = Arrays.copyOf(MnistFixtures.labels(0, 4), 8);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(header);
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros); // 64 MiB inflated, some 64 KiB on disk
            }
        }

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readLabels(file));

        assertEquals(file, e.getFile());
        assertTrue(e.getMessage().contains("decompresses past the 12 bytes its header declares"), e.getMessage());
    }

    @Test
    void notGzipAtAllDespiteSuffix() throws IOException {
        Path file = dir.resolve("labels.gz");
        Files.write(file, MnistFixtures.labels(0, 3));

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readLabels(file));

        assertEquals("decompressed byte 0", e.getPosition());
        assertTrue(e.getMessage().contains("corrupt gzip data: Not in GZIP format"), e.getMessage());
    }

    @Test
    void writerOutputReadsBack() throws IOException {
        byte[] pixels = new byte[2 * 784];
        pixels[0] = (byte) 200;
        pixels[2 * 784 - 1] = 7;
        Path images = dir.resolve("i");
        Path labels = dir.resolve("l");
        IdxWriter.writeImages(images, 2, 28, 28, pixels);
        IdxWriter.writeLabels(labels, new byte[] {3, 9});

        assertArrayEquals(MnistFixtures.images(0, 0, 2051, 2, 28, 28), Arrays.copyOf(Files.readAllBytes(images), 16));
        assertArrayEquals(pixels, IdxReader.readImages(images).pixels());
        assertEquals(9, IdxReader.readLabels(labels).label(1));
    }
}
