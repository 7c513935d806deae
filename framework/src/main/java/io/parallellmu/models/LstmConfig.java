package io.parallellmu.models;

/**
 * An LSTM stack: DJL's {@code LSTM} (PyTorch's fused kernel) one way, or
 * {@link io.parallellmu.nn.baselines.BidirectionalLstm} both ways.
 *
 * <p>Bidirectional stacks are for encoders of whole sequences (classification, pair and translation encoders);
 * decoders are always unidirectional, and a language model refuses a bidirectional config.
 *
 * @param hiddenSize units per direction and layer
 * @param layers stacked layers
 * @param bidirectional whether encoders read both directions
 * @param dropout dropout between layers, in [0, 1)
 */
public record LstmConfig(int hiddenSize, int layers, boolean bidirectional, float dropout) implements FamilyConfig {

    /** Checks the ranges. */
    public LstmConfig {
        ConfigChecks.positive("hiddenSize", hiddenSize);
        ConfigChecks.positive("layers", layers);
        ConfigChecks.dropout(dropout);
    }

    /** {@inheritDoc} */
    @Override
    public Family family() {
        return Family.LSTM;
    }
}
