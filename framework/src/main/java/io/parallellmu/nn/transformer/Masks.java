package io.parallellmu.nn.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Boolean masks built from index comparisons ({@code arange} against lengths or against itself).
 *
 * <p>DJL's {@code sequenceMask} throws on PyTorch, so every mask in the project (attention, loss, metric,
 * pooling) comes from here. A {@code true} entry means "this position takes part".
 */
public final class Masks {

    /** Additive bias used for masked attention scores; finite so that a fully masked row cannot give NaN. */
    public static final float MASKED_SCORE = -1e9f;

    private Masks() {}

    /**
     * Returns which positions of a padded batch hold real tokens: {@code mask[b, t] = t < lengths[b]}.
     *
     * @param lengths valid lengths, shape (B), any integer or float type
     * @param maxLength the padded length L
     * @return a boolean mask of shape (B, L), on the lengths' manager
     */
    public static NDArray lengthMask(NDArray lengths, long maxLength) {
        NDManager manager = lengths.getManager();
        NDArray positions = manager.arange(0f, (float) maxLength, 1f, DataType.FLOAT32, lengths.getDevice()); // (L)
        NDArray limits = lengths.toType(DataType.FLOAT32, false).reshape(-1, 1); // (B, 1)
        return positions.reshape(1, -1).lt(limits); // (B, L)
    }

    /**
     * Returns the one-hot mask of each sequence's last valid position: {@code mask[b, t] = t == lengths[b] - 1}.
     *
     * @param lengths valid lengths, shape (B), each at least 1
     * @param maxLength the padded length L
     * @return a boolean mask of shape (B, L)
     */
    public static NDArray lastPositionMask(NDArray lengths, long maxLength) {
        NDManager manager = lengths.getManager();
        NDArray positions = manager.arange(0f, (float) maxLength, 1f, DataType.FLOAT32, lengths.getDevice()); // (L)
        NDArray last = lengths.toType(DataType.FLOAT32, false).sub(1f).reshape(-1, 1); // (B, 1)
        return positions.reshape(1, -1).eq(last); // (B, L)
    }

    /**
     * Returns the causal mask {@code mask[i, j] = j <= i}: query position i may look at key positions up to i.
     *
     * @param manager where to create the mask
     * @param length the sequence length L
     * @return a boolean mask of shape (L, L)
     */
    public static NDArray causal(NDManager manager, long length) {
        NDArray positions = manager.arange(0f, (float) length, 1f, DataType.FLOAT32); // (L)
        return positions.reshape(1, -1).lte(positions.reshape(-1, 1)); // (L, L): key index <= query index
    }

    /**
     * Turns a boolean mask into an additive attention bias: 0 where allowed, {@link #MASKED_SCORE} elsewhere.
     *
     * @param mask a boolean mask of any shape
     * @return a float32 array of the same shape
     */
    public static NDArray toAttentionBias(NDArray mask) {
        return mask.logicalNot().toType(DataType.FLOAT32, false).mul(MASKED_SCORE);
    }

    /**
     * Builds the additive attention bias for queries of length Lq over keys of length Lk.
     *
     * @param manager where to create the bias
     * @param keyLengths valid key lengths (B), or {@code null} if no key is padding
     * @param keyLength Lk
     * @param causal whether query i may only see keys j &lt;= i (then Lq must equal Lk)
     * @return a bias broadcastable to (B, heads, Lq, Lk), or {@code null} if nothing is masked
     */
    public static NDArray attentionBias(NDManager manager, NDArray keyLengths, long keyLength, boolean causal) {
        NDArray allowed = null;
        if (keyLengths != null) {
            allowed = lengthMask(keyLengths, keyLength).reshape(-1, 1, 1, keyLength); // (B, 1, 1, Lk)
        }
        if (causal) {
            NDArray past = causal(manager, keyLength).reshape(1, 1, keyLength, keyLength); // (1, 1, L, L)
            allowed = allowed == null ? past : allowed.logicalAnd(past); // (B or 1, 1, L, L)
        }
        return allowed == null ? null : toAttentionBias(allowed);
    }
}
