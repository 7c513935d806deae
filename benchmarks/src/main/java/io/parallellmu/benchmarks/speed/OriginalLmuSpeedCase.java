package io.parallellmu.benchmarks.speed;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.parallellmu.nn.OriginalLmu;

/**
 * The original, sequential LMU (Voelker et al. 2019) as a classifier: one layer with θ = L and a 10-way
 * read-out of its final hidden state.
 *
 * @param batch B
 * @param length L (also θ)
 * @param order d
 * @param hidden H
 */
public record OriginalLmuSpeedCase(int batch, int length, int order, int hidden) implements SpeedCase {

    /** {@inheritDoc} */
    @Override
    public String configuration() {
        return "original-lmu";
    }

    /** {@inheritDoc} */
    @Override
    public String mode() {
        return "sequential"; // not RECURRENT: that name is the LMU's own step-by-step mode
    }

    /** {@inheritDoc} */
    @Override
    public String note(Block block) {
        return "speed-up against " + SpeedStudy.COMMON_BASELINE + " RECURRENT";
    }

    /** {@inheritDoc} */
    @Override
    public Block build() {
        return new SequentialBlock()
                .add(OriginalLmu.builder().setOrder(order).setTheta(length).setHiddenSize(hidden).optReturnSequences(false).build())
                .add(Linear.builder().setUnits(CLASSES).build());
    }

    /**
     * Per step, forward: the encoders 2·B·(H+d), the memory 2·B·d², and the hidden kernels 2·B·H·(H+d);
     * the input projections 2·B·(1+H) for every step at once. Backward doubles the weight products and
     * adds one state product 2·B·d² for the fixed memory. Read-out 6·B·H·10.
     */
    @Override
    public double flops(Block block) {
        double b = batch;
        double h = hidden;
        double d = order;
        double perStepForward = 2 * b * (h + d) + 2 * b * d * d + 2 * b * h * (h + d) + 2 * b * (1 + h);
        double perStepBackward = 2 * (2 * b * (h + d) + 2 * b * h * (h + d) + 2 * b * (1 + h)) + 2 * b * d * d;
        return length * (perStepForward + perStepBackward) + 6 * b * h * CLASSES;
    }
}
