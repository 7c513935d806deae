package io.parallellmu.models;

import io.parallellmu.vocabulary.ModelFamily;
/**
 * A stack of S4D-style diagonal state-space layers ({@link io.parallellmu.nn.DiagonalSsm}): an input projection to
 * {@code width} channels, then per layer x ← x + dropout(W · GELU(SSM(x))), each channel with its own system of
 * {@code stateSize}/2 complex modes.
 *
 * @param stateSize the real state size N per channel (even; N/2 complex modes)
 * @param width the channels H, which is also the output width
 * @param layers stacked layers
 * @param dropout dropout on each layer's update, in [0, 1)
 */
public record SsmConfig(int stateSize, int width, int layers, float dropout) implements FamilyConfig {

    /** Checks the ranges. */
    public SsmConfig {
        ConfigChecks.positive("stateSize", stateSize);
        if (stateSize % 2 != 0) {
            throw new IllegalArgumentException("stateSize must be even (two per complex mode), got " + stateSize);
        }
        ConfigChecks.positive("width", width);
        ConfigChecks.positive("layers", layers);
        ConfigChecks.dropout(dropout);
    }

    /** {@inheritDoc} */
    @Override
    public ModelFamily family() {
        return ModelFamily.SSM;
    }
}
