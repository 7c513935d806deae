package io.parallellmu.models;

import io.parallellmu.vocabulary.ModelFamily;
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
 * @param singleBias one bias per gate, as Keras has ({@link io.parallellmu.nn.baselines.SingleBiasLstm}), instead of
 *     PyTorch's two; one way only
 */
public record LstmConfig(int hiddenSize, int layers, boolean bidirectional, float dropout, boolean singleBias)
        implements FamilyConfig {

    /**
     * An LSTM with PyTorch's two biases per gate.
     *
     * @param hiddenSize units per direction and layer
     * @param layers stacked layers
     * @param bidirectional whether encoders read both directions
     * @param dropout dropout between layers, in [0, 1)
     */
    public LstmConfig(int hiddenSize, int layers, boolean bidirectional, float dropout) {
        this(hiddenSize, layers, bidirectional, dropout, false);
    }

    /** Checks the ranges. */
    public LstmConfig {
        ConfigChecks.positive("hiddenSize", hiddenSize);
        ConfigChecks.positive("layers", layers);
        ConfigChecks.dropout(dropout);
        if (singleBias && bidirectional) {
            throw new IllegalArgumentException("a single-bias LSTM is one way only");
        }
    }

    /**
     * Spells the settings out, as config names record them; {@code singleBias} only when set, so that the names of
     * two-bias LSTMs stay as they were before it existed.
     *
     * @return for example {@code LstmConfig[hiddenSize=25, layers=4, bidirectional=false, dropout=0.0]}
     */
    @Override
    public String toString() {
        return "LstmConfig[hiddenSize=" + hiddenSize + ", layers=" + layers + ", bidirectional=" + bidirectional
                + ", dropout=" + dropout + (singleBias ? ", singleBias=true" : "") + "]";
    }

    /** {@inheritDoc} */
    @Override
    public ModelFamily family() {
        return ModelFamily.LSTM;
    }
}
