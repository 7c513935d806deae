package io.parallellmu.datasets.mnist;

import io.parallellmu.datasets.DataFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one fixed pixel permutation of psMNIST: sequence step {@code t} shows pixel {@code order[t]} of the
 * row-major image. It is a Fisher-Yates shuffle driven by {@code java.util.Random(seed)}, whose algorithm
 * the Java specification fixes, so a seed names the same permutation on every platform.
 *
 * <p>It is saved beside the data it permutes as text: a comment line, {@code seed S}, then the indices
 * separated by spaces.
 */
public final class PixelPermutation {

    private final long seed;
    private final int[] order;

    private PixelPermutation(long seed, int[] order) {
        this.seed = seed;
        this.order = order;
    }

    /**
     * Generates the permutation for a seed.
     *
     * @param seed the seed
     * @param length the number of pixels, 784 for MNIST
     * @return the permutation
     */
    public static PixelPermutation fromSeed(long seed, int length) {
        return new PixelPermutation(seed, SeededShuffle.indices(seed, length));
    }

    /**
     * Returns the seed that generated this permutation.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns the order: step {@code t} reads pixel {@code order()[t]}.
     *
     * @return a copy of the indices
     */
    public int[] order() {
        return order.clone();
    }

    /**
     * Returns the number of pixels permuted.
     *
     * @return the length
     */
    public int length() {
        return order.length;
    }

    /**
     * Permutes one image and scales its pixels from 0..255 to [0, 1].
     *
     * @param pixels unsigned-byte pixels
     * @param from where the image starts in {@code pixels}
     * @param out the destination
     * @param to where the permuted image starts in {@code out}
     */
    public void applyScaled(byte[] pixels, int from, float[] out, int to) {
        for (int t = 0; t < order.length; t++) {
            out[to + t] = (pixels[from + order[t]] & 0xFF) / 255f;
        }
    }

    /**
     * Returns the file name under which this permutation is saved.
     *
     * @return {@code permutation-seed-S.txt}
     */
    public String fileName() {
        return "permutation-seed-" + seed + ".txt";
    }

    /**
     * Saves the permutation as text, atomically (temp file and rename).
     *
     * @param file the file to write
     * @throws IOException if writing fails
     */
    public void save(Path file) throws IOException {
        String text =
                "# psMNIST pixel permutation: step t reads pixel order[t] (row-major); Fisher-Yates over java.util.Random(seed)\n"
                        + "seed "
                        + seed
                        + "\n"
                        + Arrays.stream(order).mapToObj(Integer::toString).collect(Collectors.joining(" "))
                        + "\n";
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Reads a permutation saved by {@link #save}.
     *
     * @param file the file
     * @return the permutation
     * @throws DataFormatException naming the line when the file is malformed or not a permutation
     * @throws IOException if the file cannot be read
     */
    public static PixelPermutation read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() != 3) {
            throw new DataFormatException(file, "line " + Math.min(lines.size() + 1, 4), "expected 3 lines, found " + lines.size());
        }
        String[] seedLine = lines.get(1).split(" ");
        if (seedLine.length != 2 || !seedLine[0].equals("seed")) {
            throw new DataFormatException(file, "line 2", "expected 'seed S', found '" + lines.get(1) + "'");
        }
        try {
            long seed = Long.parseLong(seedLine[1]);
            int[] order = lines.get(2).isEmpty() ? new int[0] : Arrays.stream(lines.get(2).split(" ")).mapToInt(Integer::parseInt).toArray();
            requirePermutation(file, order);
            return new PixelPermutation(seed, order);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, "line 2 or 3", "not an integer: " + e.getMessage(), e);
        }
    }

    /**
     * Saves this permutation into a data directory, or, when a permutation for the same seed is already
     * saved there, checks that it is the same one. A directory that cannot be written is left alone.
     *
     * @param dir the directory holding the data it permutes
     * @throws DataFormatException if a saved permutation for this seed differs from this one
     * @throws IOException if reading or writing fails
     */
    public void saveOrVerify(Path dir) throws IOException {
        Path file = dir.resolve(fileName());
        if (Files.exists(file)) {
            PixelPermutation saved = read(file);
            if (!saved.equals(this)) {
                throw new DataFormatException(
                        file,
                        "line 3",
                        "the saved permutation differs from the one seed "
                                + seed
                                + " generates now; models trained with the saved one would no longer match their"
                                + " data (delete the file only if no such model matters)");
            }
        } else if (Files.isWritable(dir)) {
            save(file);
        }
    }

    private static void requirePermutation(Path file, int[] order) throws DataFormatException {
        boolean[] seen = new boolean[order.length];
        for (int t = 0; t < order.length; t++) {
            int index = order[t];
            if (index < 0 || index >= order.length) {
                throw new DataFormatException(file, "line 3", "index " + index + " at step " + t + " is outside 0.." + (order.length - 1));
            }
            if (seen[index]) {
                throw new DataFormatException(file, "line 3", "index " + index + " appears twice (again at step " + t + ")");
            }
            seen[index] = true;
        }
    }

    /** {@inheritDoc} */
    @Override
    public boolean equals(Object other) {
        return other instanceof PixelPermutation p && p.seed == seed && Arrays.equals(p.order, order);
    }

    /** {@inheritDoc} */
    @Override
    public int hashCode() {
        return Long.hashCode(seed) * 31 + Arrays.hashCode(order);
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "PixelPermutation[seed=" + seed + ", length=" + order.length + "]";
    }
}
