package io.parallellmu.datasets.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Token-id sequences padded with {@link TextVocabulary#PAD_ID} (or cut) to one fixed length, with their true
 * lengths, ready to be stacked into tensors: ids {@code (N, L)} and lengths {@code (N)}, both INT32.
 *
 * <p>A sequence longer than the fixed length keeps its first {@code L} tokens, and its length is {@code L}.
 */
public final class PaddedSequences {

    private final int[] ids; // (N, L) row-major
    private final int[] lengths; // (N)
    private final int maxLength;

    private PaddedSequences(int[] ids, int[] lengths, int maxLength) {
        this.ids = ids;
        this.lengths = lengths;
        this.maxLength = maxLength;
    }

    /**
     * Pads or cuts sequences to a fixed length.
     *
     * @param sequences the token ids of each sequence
     * @param maxLength the fixed length L, at least 1
     * @return the padded sequences
     */
    public static PaddedSequences of(List<int[]> sequences, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
        }
        int n = sequences.size();
        int[] ids = new int[Math.multiplyExact(n, maxLength)]; // zero-filled: PAD_ID is 0
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            int[] seq = sequences.get(i);
            int len = Math.min(seq.length, maxLength);
            System.arraycopy(seq, 0, ids, i * maxLength, len);
            lengths[i] = len;
        }
        return new PaddedSequences(ids, lengths, maxLength);
    }

    /**
     * Returns the number of sequences N.
     *
     * @return N
     */
    public int count() {
        return lengths.length;
    }

    /**
     * Returns the fixed length L.
     *
     * @return L
     */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Returns one padded row.
     *
     * @param i the sequence index
     * @return a copy of its L ids
     */
    public int[] row(int i) {
        int[] out = new int[maxLength];
        System.arraycopy(ids, i * maxLength, out, 0, maxLength);
        return out;
    }

    /**
     * Returns the true (possibly cut) lengths.
     *
     * @return a copy of the N lengths
     */
    public int[] lengths() {
        return lengths.clone();
    }

    /**
     * Stacks the ids into one tensor.
     *
     * @param manager the manager (and so the device) that owns the tensor
     * @return INT32 ids of shape (N, L)
     */
    public NDArray idsArray(NDManager manager) {
        return manager.create(ids, new Shape(count(), maxLength)); // (N, L)
    }

    /**
     * Stacks the lengths into one tensor.
     *
     * @param manager the manager (and so the device) that owns the tensor
     * @return INT32 lengths of shape (N)
     */
    public NDArray lengthsArray(NDManager manager) {
        return manager.create(lengths, new Shape(count())); // (N)
    }
}
