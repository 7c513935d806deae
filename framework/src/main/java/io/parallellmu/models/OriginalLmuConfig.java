package io.parallellmu.models;

import java.util.Optional;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.nn.OriginalLmu;
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

    /** The family's record type and defaults. */
    static final FamilyDefaults DEFAULTS = new Defaults();

    /** Stacked {@link OriginalLmu} layers, pooled like the parallel LMU's. */
    @Override
    public SequenceEncoder encoder(SequenceRole role, boolean variableLength) {
        return SequenceEncoder.stackedRecurrent(layers, Pooling.recurrent(role, variableLength), sequences ->
                OriginalLmu.builder()
                        .setOrder(order)
                        .setTheta(theta)
                        .setHiddenSize(hiddenSize)
                        .optReturnSequences(sequences)
                        .build());
    }

    /** {@inheritDoc} */
    @Override
    public int outputWidth(SequenceRole role) {
        return hiddenSize;
    }

    /** The original LMU cell (Voelker et al., 2019) has no dropout, so the heads built on it have none either. */
    @Override
    public float dropout() {
        return 0f;
    }

    /** {@inheritDoc} */
    @Override
    public boolean parallelInTime() {
        return false;
    }

    /** {@inheritDoc} */
    @Override
    public String key() {
        return ConfigKey.of("OriginalLmuConfig").with("order", order).with("theta", theta)
                .with("hiddenSize", hiddenSize).with("layers", layers).toString();
    }

    /** The LMU 2019 models; the original LMU is not offered on text, where its sequential cost is not sane. */
    private static final class Defaults implements FamilyDefaults {

        @Override
        public Class<? extends FamilyConfig> configType() {
            return OriginalLmuConfig.class;
        }

        @Override
        public FamilyConfig small(double theta, int order, int width) {
            return new OriginalLmuConfig(order, theta, width, 1);
        }

        @Override
        public FamilyConfig psMnist() {
            return new OriginalLmuConfig(256, 784, 212, 1);
        }

        @Override
        public FamilyConfig mackeyGlass() {
            return new OriginalLmuConfig(4, 4, 49, 4);
        }

        @Override
        public Optional<FamilyConfig> textEncoder(TaskId task, double theta) {
            return Optional.empty();
        }
    }
}
