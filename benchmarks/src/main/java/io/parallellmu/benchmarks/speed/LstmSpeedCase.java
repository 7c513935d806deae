package io.parallellmu.benchmarks.speed;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;

/**
 * DJL's LSTM (PyTorch's fused kernel) as a classifier: one layer over (B, L, 1) and a 10-way read-out of
 * the last step.
 *
 * @param name the configuration name, such as {@code lstm-128}
 * @param batch B
 * @param length L
 * @param hidden the state size H
 */
public record LstmSpeedCase(String name, int batch, int length, int hidden) implements SpeedCase {

    /**
     * Returns the hidden size whose one-layer LSTM classifier has about as many parameters as a target.
     *
     * @param parameters the target count, such as the LMU's
     * @return H with 4·(H·(1+H) + 2H) + 10·(H+1) closest to the target
     */
    public static int hiddenMatching(long parameters) {
        int best = 1;
        for (int h = 1; h < 4096; h++) {
            if (Math.abs(count(h) - parameters) < Math.abs(count(best) - parameters)) {
                best = h;
            }
        }
        return best;
    }

    private static long count(long h) {
        return 4 * (h * (1 + h) + 2 * h) + (long) CLASSES * (h + 1); // PyTorch LSTMs have two bias vectors
    }

    /** {@inheritDoc} */
    @Override
    public String configuration() {
        return name;
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
                .add(LSTM.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).optReturnState(false).build())
                .add(x -> new NDList(x.head().get(new NDIndex(":, -1")))) // (B, L, H) → (B, H)
                .add(Linear.builder().setUnits(CLASSES).build());
    }

    /**
     * Per step forward 2·B·4H·(1+H) for the four gates' products; backward twice that (gradients into the
     * weights and into the state and input). Read-out 6·B·H·10.
     */
    @Override
    public double flops(Block block) {
        double b = batch;
        double h = hidden;
        return length * 3 * (2 * b * 4 * h * (1 + h)) + 6 * b * h * CLASSES;
    }
}
