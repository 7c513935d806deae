package io.parallellmu.models;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.nn.Nonlinearity;

/**
 * A stack of parallel LMU layers (Chilkuri and Eliasmith, 2021, eqs. 18–20).
 *
 * @param order memory order d per channel
 * @param theta memory window θ in time steps
 * @param hiddenSize output units per layer
 * @param memoryD memory channels d_u per layer (eq. 21)
 * @param layers stacked layers
 * @param dropout dropout on each layer's output, in [0, 1)
 * @param hiddenActivation f₂ of eq. 20 (the paper's psMNIST model uses ReLU; the layer's default is tanh)
 */
public record LmuConfig(int order, double theta, int hiddenSize, int memoryD, int layers, float dropout,
        Nonlinearity hiddenActivation) implements FamilyConfig {

    /** Checks the ranges. */
    public LmuConfig {
        ConfigChecks.positive("order", order);
        ConfigChecks.positive("theta", theta);
        ConfigChecks.positive("hiddenSize", hiddenSize);
        ConfigChecks.positive("memoryD", memoryD);
        ConfigChecks.positive("layers", layers);
        ConfigChecks.dropout(dropout);
        if (hiddenActivation == null) {
            throw new IllegalArgumentException("hiddenActivation must be set");
        }
    }

    /** {@inheritDoc} */
    @Override
    public ModelFamily family() {
        return ModelFamily.LMU;
    }
}
