package io.parallellmu.models;

import java.util.Optional;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.nn.LmuLayer;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.nn.Nonlinearity;

/**
 * A stack of parallel LMU layers (Chilkuri and Eliasmith, 2021, eqs. 18–20). A summary of unpadded input takes the
 * last layer's final state only, which lets its memory use eq. 25's single matmul (AUTO picks MATMUL); with padding,
 * the output at each sequence's last valid step.
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

    /** The family's record type and defaults. */
    static final FamilyDefaults DEFAULTS = new Defaults();

    /** {@inheritDoc} */
    @Override
    public SequenceEncoder encoder(SequenceRole role, boolean variableLength) {
        return SequenceEncoder.stackedRecurrent(layers, Pooling.recurrent(role, variableLength), sequences ->
                LmuLayer.builder()
                        .setOrder(order)
                        .setTheta(theta)
                        .setHiddenSize(hiddenSize)
                        .optMemoryD(memoryD)
                        .optHiddenActivation(hiddenActivation)
                        .optDropout(dropout)
                        .optReturnSequences(sequences)
                        .build());
    }

    /** {@inheritDoc} */
    @Override
    public int outputWidth(SequenceRole role) {
        return hiddenSize;
    }

    /** {@inheritDoc} True: each {@link LmuLayer} carries its state. */
    @Override
    public boolean carriesState() {
        return true;
    }

    /** {@inheritDoc} */
    @Override
    public boolean parallelInTime() {
        return true;
    }

    /** {@inheritDoc} */
    @Override
    public String key() {
        return ConfigKey.of("LmuConfig").with("order", order).with("theta", theta).with("hiddenSize", hiddenSize)
                .with("memoryD", memoryD).with("layers", layers).with("dropout", dropout)
                .with("hiddenActivation", hiddenActivation).toString();
    }

    /** The parallel LMU's defaults: the paper's psMNIST model, the LMU 2019 sizes on Mackey-Glass, eq. 21 on text. */
    private static final class Defaults implements FamilyDefaults {

        @Override
        public Class<? extends FamilyConfig> configType() {
            return LmuConfig.class;
        }

        @Override
        public FamilyConfig small(double theta, int order, int width) {
            return new LmuConfig(order, theta, width, 1, 1, 0f, Nonlinearity.TANH);
        }

        @Override
        public FamilyConfig psMnist() {
            return new LmuConfig(468, 784, 346, 1, 1, 0.5f, Nonlinearity.RELU);
        }

        @Override
        public FamilyConfig mackeyGlass() {
            return new LmuConfig(4, 4, 74, 1, 4, 0f, Nonlinearity.TANH);
        }

        /** Order 4, θ 4, hidden 73: 17,818 parameters, no more than the 2019 table's best (17,980). */
        @Override
        public FamilyConfig mackeyGlass2019() {
            return new LmuConfig(4, 4, 73, 1, 4, 0f, Nonlinearity.TANH);
        }

        /** The same encoder on every text task; see {@link DefaultConfigs#textEncoder} for its memory shape. */
        @Override
        public Optional<FamilyConfig> textEncoder(TaskId task, double theta) {
            return Optional.of(new LmuConfig(DefaultConfigs.TEXT_ORDER, theta, 128, DefaultConfigs.TEXT_CHANNELS, 1, 0.2f,
                    Nonlinearity.TANH));
        }
    }
}
