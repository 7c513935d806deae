package io.parallellmu.models;

import io.parallellmu.vocabulary.ModelFamily;
/**
 * A pre-LayerNorm transformer ({@link io.parallellmu.nn.transformer}).
 *
 * @param modelSize model width D, even and a multiple of {@code heads}
 * @param heads attention heads
 * @param layers layers (per side, for encoder–decoder models)
 * @param feedForwardSize feed-forward hidden width
 * @param dropout dropout on embeddings, residual branches and attention weights, in [0, 1)
 */
public record TransformerConfig(int modelSize, int heads, int layers, int feedForwardSize, float dropout)
        implements FamilyConfig {

    /** Checks the ranges. */
    public TransformerConfig {
        ConfigChecks.positive("modelSize", modelSize);
        ConfigChecks.positive("heads", heads);
        if (modelSize % 2 != 0 || modelSize % heads != 0) {
            throw new IllegalArgumentException(
                    "modelSize (" + modelSize + ") must be even and a multiple of heads (" + heads + ")");
        }
        ConfigChecks.positive("layers", layers);
        ConfigChecks.positive("feedForwardSize", feedForwardSize);
        ConfigChecks.dropout(dropout);
    }

    /** {@inheritDoc} */
    @Override
    public ModelFamily family() {
        return ModelFamily.TRANSFORMER;
    }
}
