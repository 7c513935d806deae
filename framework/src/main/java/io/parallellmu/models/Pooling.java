package io.parallellmu.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.parallellmu.nn.transformer.Masks;

/** How a sequence encoder turns its per-step outputs (B, L, H) into the model's output. */
public enum Pooling {
    /** Keep every step: (B, L, H). */
    NONE,
    /** The stack already returns its final state (B, H), as the LMU's eq. 25 MATMUL path does. */
    FINAL_STATE,
    /** The output at each sequence's last valid step (B, H): for causal stacks. */
    LAST,
    /** The mean over each sequence's valid steps (B, H): for bidirectional stacks. */
    MEAN;

    /**
     * Returns how a recurrent encoder (one that steps through time) summarises a role: not at all for per-step roles;
     * for a summary of unpadded input its final state, which lets the parallel LMU use eq. 25's single matmul; with
     * padding, the output at each sequence's last valid step.
     *
     * @param role the role
     * @param variableLength whether inputs are padded
     * @return the pooling
     */
    static Pooling recurrent(SequenceRole role, boolean variableLength) {
        if (!role.pooled()) {
            return NONE;
        }
        return variableLength ? LAST : FINAL_STATE;
    }

    /**
     * Returns this pooling for an encoder whose layers cannot return their final state alone: the last step instead.
     *
     * @return {@link #LAST} for {@link #FINAL_STATE}, otherwise this
     */
    Pooling withoutFinalState() {
        return this == FINAL_STATE ? LAST : this;
    }

    /**
     * Pools per-step outputs.
     *
     * @param outputs the stack's output, (B, L, H), or (B, H) for {@link #FINAL_STATE}
     * @param lengths valid lengths (B), or {@code null} when every step is valid
     * @return the pooled output
     */
    public NDArray apply(NDArray outputs, NDArray lengths) {
        switch (this) {
            case NONE:
            case FINAL_STATE:
                return outputs;
            case LAST:
                if (lengths == null) {
                    return outputs.get(":, -1, :"); // (B, H)
                }
                NDArray last = Masks.lastPositionMask(lengths, outputs.getShape().get(1)).toType(DataType.FLOAT32, false);
                return outputs.mul(last.expandDims(-1)).sum(new int[] {1}); // (B, H)
            case MEAN:
                if (lengths == null) {
                    return outputs.mean(new int[] {1}); // (B, H)
                }
                NDArray valid = Masks.lengthMask(lengths, outputs.getShape().get(1)).toType(DataType.FLOAT32, false);
                NDArray sum = outputs.mul(valid.expandDims(-1)).sum(new int[] {1}); // (B, H)
                return sum.div(valid.sum(new int[] {1}, true).maximum(1f)); // (B, H)
            default:
                throw new AssertionError(this);
        }
    }
}
