package io.parallellmu.datasets.mnist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The four MNIST IDX files of a directory, each found under its official name, plain or with {@code .gz}
 * (plain wins when both exist).
 *
 * @param trainImages {@code train-images-idx3-ubyte}
 * @param trainLabels {@code train-labels-idx1-ubyte}
 * @param testImages {@code t10k-images-idx3-ubyte}
 * @param testLabels {@code t10k-labels-idx1-ubyte}
 */
public record MnistFiles(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {

    /** The official file names, in the order of the record's components. */
    public static final List<String> NAMES =
            List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /**
     * Returns the files in {@code dir} under their official names, uncompressed, as written when converting.
     *
     * @param dir the directory
     * @return the four paths (they need not exist)
     */
    public static MnistFiles plainIn(Path dir) {
        return new MnistFiles(
                dir.resolve(NAMES.get(0)), dir.resolve(NAMES.get(1)), dir.resolve(NAMES.get(2)), dir.resolve(NAMES.get(3)));
    }

    /**
     * Finds all four files in a directory.
     *
     * @param dir the directory
     * @return the files, or empty when any is missing
     */
    public static Optional<MnistFiles> find(Path dir) {
        List<Path> found = new ArrayList<>();
        for (String name : NAMES) {
            Optional<Path> file = locate(dir, name);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            found.add(file.get());
        }
        return Optional.of(new MnistFiles(found.get(0), found.get(1), found.get(2), found.get(3)));
    }

    /**
     * Lists the official names that have no file, plain or gzipped, in a directory.
     *
     * @param dir the directory
     * @return the missing names, empty when all four are there
     */
    public static List<String> missing(Path dir) {
        return NAMES.stream().filter(name -> locate(dir, name).isEmpty()).toList();
    }

    /**
     * Returns the files in order.
     *
     * @return train images, train labels, test images, test labels
     */
    public List<Path> all() {
        return List.of(trainImages, trainLabels, testImages, testLabels);
    }

    private static Optional<Path> locate(Path dir, String name) {
        Path plain = dir.resolve(name);
        if (Files.isRegularFile(plain)) {
            return Optional.of(plain);
        }
        Path gz = dir.resolve(name + ".gz");
        return Files.isRegularFile(gz) ? Optional.of(gz) : Optional.empty();
    }
}
