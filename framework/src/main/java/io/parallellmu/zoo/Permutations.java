package io.parallellmu.zoo;

/** The check that an index array is a permutation, shared by the pixel orders, cell orders and their files. */
final class Permutations {

    private Permutations() {}

    /**
     * Checks that {@code permutation} holds each of 0..length−1 exactly once.
     *
     * @param permutation the indices
     * @param length how many entries it must have
     * @throws IllegalArgumentException naming the first entry out of range or repeated, or the wrong length
     */
    static void require(int[] permutation, int length) {
        if (permutation == null || permutation.length != length) {
            throw new IllegalArgumentException("permutation must have " + length + " entries, got "
                    + (permutation == null ? "none" : permutation.length));
        }
        boolean[] seen = new boolean[length];
        for (int t = 0; t < length; t++) {
            int index = permutation[t];
            if (index < 0 || index >= length || seen[index]) {
                throw new IllegalArgumentException("permutation entry " + t + " (" + index
                        + ") is out of range or repeated; expected each of 0.." + (length - 1) + " once");
            }
            seen[index] = true;
        }
    }
}
