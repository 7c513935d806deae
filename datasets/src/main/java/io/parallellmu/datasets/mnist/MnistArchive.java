package io.parallellmu.datasets.mnist;

import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.datasets.fetch.Checksums;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The four MNIST-format files read and cross-checked: 28x28 images, as many labels as images, labels
 * 0..9. Its checksum covers the decompressed bytes of all four files, so a gzipped and a plain copy of the
 * same data agree.
 *
 * @param trainImages the training images
 * @param trainLabels the training labels
 * @param testImages the test images
 * @param testLabels the test labels
 * @param sha256 SHA-256 (hex) of the four decompressed files concatenated in that order
 */
public record MnistArchive(
        IdxImages trainImages, IdxLabels trainLabels, IdxImages testImages, IdxLabels testLabels, String sha256) {

    /** Image side length in pixels. */
    public static final int SIDE = 28;
    /** Pixels per image, the psMNIST sequence length. */
    public static final int PIXELS = SIDE * SIDE;
    /** Number of classes. */
    public static final int CLASSES = 10;

    /**
     * Reads and checks the four files.
     *
     * @param files the files
     * @return the archive
     * @throws DataFormatException naming the file, byte offset and problem when any file is malformed or
     *     the files disagree with one another
     * @throws IOException if a file cannot be read
     */
    public static MnistArchive read(MnistFiles files) throws IOException {
        MessageDigest digest = Checksums.sha256();
        IdxImages trainImages = images(files.trainImages(), digest);
        IdxLabels trainLabels = labels(files.trainLabels(), digest, trainImages);
        IdxImages testImages = images(files.testImages(), digest);
        IdxLabels testLabels = labels(files.testLabels(), digest, testImages);
        return new MnistArchive(
                trainImages, trainLabels, testImages, testLabels, HexFormat.of().formatHex(digest.digest()));
    }

    private static IdxImages images(Path file, MessageDigest digest) throws IOException {
        byte[] bytes = IdxReader.readDecompressed(file);
        IdxImages images = IdxReader.parseImages(file, bytes);
        if (images.rows() != SIDE || images.cols() != SIDE) {
            throw new DataFormatException(
                    file,
                    IdxReader.position(file, 8),
                    "images are " + images.rows() + "x" + images.cols() + ", MNIST images are " + SIDE + "x" + SIDE);
        }
        digest.update(bytes);
        return images;
    }

    private static IdxLabels labels(Path file, MessageDigest digest, IdxImages images) throws IOException {
        byte[] bytes = IdxReader.readDecompressed(file);
        IdxLabels labels = IdxReader.parseLabels(file, bytes);
        if (labels.count() != images.count()) {
            throw new DataFormatException(
                    file,
                    IdxReader.position(file, 4),
                    "the header declares "
                            + labels.count()
                            + " labels but "
                            + images.file()
                            + " declares "
                            + images.count()
                            + " images");
        }
        for (int i = 0; i < labels.count(); i++) {
            if (labels.label(i) >= CLASSES) {
                throw new DataFormatException(
                        file,
                        IdxReader.position(file, 8L + i),
                        "label " + labels.label(i) + " of record " + i + " is outside 0.." + (CLASSES - 1));
            }
        }
        digest.update(bytes);
        return labels;
    }
}
