package io.parallellmu.models;

import io.parallellmu.vocabulary.ModelFamily;
/**
 * A stack of original, sequential LMU cells (Voelker et al., 2019). Its cost grows with the sequence length in
 * sequential steps, so it is meant for the tasks where the paper compares against it (psMNIST, Mackey-Glass).
 *
 * @param order memory order d
 * @param theta memory window θ in time steps
 * @param hiddenSize hidden units per layer
 * @param layers stacked layers
 */
public record OriginalLmuConfig(int order, double theta, int hiddenSize, int layers) implements FamilyConfig {

    /** Checks the ranges. */
    public OriginalLmuConfig {
        ConfigChecks.positive("order", order);
        ConfigChecks.positive("theta", theta);
        ConfigChecks.positive("hiddenSize", hiddenSize);
        ConfigChecks.positive("layers", layers);
    }

    /** {@inheritDoc} */
    @Override
    public ModelFamily family() {
        return ModelFamily.ORIGINAL_LMU;
    }
}
