package io.parallellmu.models;

import java.util.Optional;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.nn.baselines.SingleBiasLstm;
import io.parallellmu.nn.baselines.BidirectionalLstm;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.Block;
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

    /** {@inheritDoc} */
    @Override
    public ModelFamily family() {
        return ModelFamily.LSTM;
    }

    /** The family's record type and defaults. */
    static final FamilyDefaults DEFAULTS = new Defaults();

    /**
     * DJL's {@link LSTM} ({@link SingleBiasLstm} for Keras' one bias per gate), or {@link BidirectionalLstm} where the
     * config asks for both directions and the role allows it (causal roles are always one way); summaries take the
     * last valid step (one way) or the mean over valid steps (both ways).
     */
    @Override
    public SequenceEncoder encoder(SequenceRole role, boolean variableLength) {
        if (bothWays(role)) {
            return new SequenceEncoder(new BidirectionalLstm(hiddenSize, layers, dropout), true,
                    role.pooled() ? Pooling.MEAN : Pooling.NONE);
        }
        return new SequenceEncoder(oneWay(role), false, Pooling.recurrent(role, variableLength).withoutFinalState());
    }

    /** {@inheritDoc} True for DJL's LSTM, whose (h, c) {@link io.parallellmu.nn.baselines.CarriedLstm} carries. */
    @Override
    public boolean carriesState() {
        return !singleBias;
    }

    private boolean bothWays(SequenceRole role) {
        return bidirectional && role != SequenceRole.CAUSAL;
    }

    /** One way; a causal LSTM also returns its states, so that they can be carried from window to window. */
    private Block oneWay(SequenceRole role) {
        if (singleBias) {
            return new SingleBiasLstm(hiddenSize, layers, dropout);
        }
        return LSTM.builder()
                .setStateSize(hiddenSize)
                .setNumLayers(layers)
                .optDropRate(dropout)
                .optBatchFirst(true)
                .optReturnState(role == SequenceRole.CAUSAL)
                .build();
    }

    /** {@inheritDoc} */
    @Override
    public int outputWidth(SequenceRole role) {
        return bothWays(role) ? 2 * hiddenSize : hiddenSize;
    }

    /** {@inheritDoc} */
    @Override
    public boolean parallelInTime() {
        return false;
    }

    /** {@inheritDoc} {@code singleBias} only when set, so that two-bias LSTMs keep the keys they had before it. */
    @Override
    public String key() {
        ConfigKey key = ConfigKey.of("LstmConfig").with("hiddenSize", hiddenSize).with("layers", layers)
                .with("bidirectional", bidirectional).with("dropout", dropout);
        return (singleBias ? key.with("singleBias", true) : key).toString();
    }

    /** LSTMs of the published comparisons' sizes, and on text wide enough to have no fewer parameters than the LMU. */
    private static final class Defaults implements FamilyDefaults {

        @Override
        public Class<? extends FamilyConfig> configType() {
            return LstmConfig.class;
        }

        @Override
        public FamilyConfig small(double theta, int order, int width) {
            return new LstmConfig(width, 1, false, 0f);
        }

        @Override
        public FamilyConfig psMnist() {
            return new LstmConfig(202, 1, false, 0f);
        }

        @Override
        public FamilyConfig mackeyGlass() {
            return new LstmConfig(25, 4, false, 0f);
        }

        /** 25 units per layer with Keras' one bias per gate: the recipe's 18,026 parameters. */
        @Override
        public FamilyConfig mackeyGlass2019() {
            return new LstmConfig(25, 4, false, 0f, true);
        }

        /**
         * 68 units on a text classifier; wider where the pair classifier's MLP and the translator's attention take
         * the encoder's width.
         */
        @Override
        public Optional<FamilyConfig> textEncoder(TaskId task, double theta) {
            int units = switch (task) {
                case QQP, SNLI -> 92;
                case IWSLT15_EN_VI -> 100;
                case TEXT8 -> 70;
                default -> 68;
            };
            return Optional.of(new LstmConfig(units, 1, false, 0.2f));
        }
    }
}
