package io.parallellmu.models;

import java.util.Optional;
import java.util.List;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.nn.DiagonalSsm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.core.Linear;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Blocks;
import ai.djl.nn.Activation;
import ai.djl.ndarray.NDList;
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

    /** The family's record type and defaults. */
    static final FamilyDefaults DEFAULTS = new Defaults();

    /**
     * An input projection and residual {@link DiagonalSsm} layers (AUTO mode: FFT or RAW, timed); causal, so
     * summaries take the last valid step.
     */
    @Override
    public SequenceEncoder encoder(SequenceRole role, boolean variableLength) {
        SequentialBlock stack = new SequentialBlock().add(Linear.builder().setUnits(width).build());
        for (int i = 0; i < layers; i++) {
            SequentialBlock update = new SequentialBlock()
                    .add(DiagonalSsm.builder().setStateSize(stateSize).build())
                    .add(Activation::gelu)
                    .add(Linear.builder().setUnits(width).build());
            if (dropout > 0) {
                update.add(Dropout.builder().optRate(dropout).build());
            }
            stack.add(new ParallelBlock(
                    branches -> new NDList(branches.get(0).head().add(branches.get(1).head())),
                    List.of(update, Blocks.identityBlock())));
        }
        return new SequenceEncoder(stack, false, Pooling.recurrent(role, variableLength).withoutFinalState());
    }

    /** {@inheritDoc} */
    @Override
    public int outputWidth(SequenceRole role) {
        return width;
    }

    /** {@inheritDoc} True: each {@link io.parallellmu.nn.DiagonalSsm} carries its state. */
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
        return ConfigKey.of("SsmConfig").with("stateSize", stateSize).with("width", width).with("layers", layers)
                .with("dropout", dropout).toString();
    }

    /** S4D-style stacks sized to no fewer parameters than the parallel LMU on each task. */
    private static final class Defaults implements FamilyDefaults {

        @Override
        public Class<? extends FamilyConfig> configType() {
            return SsmConfig.class;
        }

        /** The LMU's order as the (even) state size. */
        @Override
        public FamilyConfig small(double theta, int order, int width) {
            return new SsmConfig(Math.max(2, order - order % 2), width, 1, 0f);
        }

        @Override
        public FamilyConfig psMnist() {
            return new SsmConfig(64, 128, 4, 0.1f);
        }

        @Override
        public FamilyConfig mackeyGlass() {
            return new SsmConfig(24, 40, 4, 0f);
        }

        @Override
        public Optional<FamilyConfig> textEncoder(TaskId task, double theta) {
            int width = switch (task) {
                case QQP, SNLI -> 124;
                case IWSLT15_EN_VI -> 128;
                default -> 118;
            };
            return Optional.of(new SsmConfig(64, width, 1, 0.2f));
        }
    }
}
