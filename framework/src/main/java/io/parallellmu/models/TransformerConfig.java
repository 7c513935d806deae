package io.parallellmu.models;

import java.util.Optional;
import io.parallellmu.vocabulary.TaskId;
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

    /** The family's record type and defaults. */
    static final FamilyDefaults DEFAULTS = new Defaults();

    /**
     * {@link ProjectedTransformer}, causal for the causal role; summaries take the masked mean. Ordered summaries (pair
     * encoders) run causally and take the last valid step: with bidirectional attention and additive sinusoidal
     * positions, which word came first is only a weak second-order signal that the mean blurs further, whereas a
     * causal prefix state knows it by construction. On the QQP stand-in, whose negatives are role swaps of the same
     * words, the masked mean stayed at chance; the causal last step learns them.
     */
    @Override
    public SequenceEncoder encoder(SequenceRole role, boolean variableLength) {
        boolean causal = role == SequenceRole.CAUSAL || role == SequenceRole.ORDERED_SUMMARY;
        Pooling pooling = switch (role) {
            case SUMMARY -> Pooling.MEAN;
            case ORDERED_SUMMARY -> Pooling.LAST;
            default -> Pooling.NONE;
        };
        return new SequenceEncoder(new ProjectedTransformer(this, causal), true, pooling);
    }

    /** {@inheritDoc} */
    @Override
    public int outputWidth(SequenceRole role) {
        return modelSize;
    }

    /** {@inheritDoc} */
    @Override
    public boolean parallelInTime() {
        return true;
    }

    /** {@inheritDoc} */
    @Override
    public String key() {
        return ConfigKey.of("TransformerConfig").with("modelSize", modelSize).with("heads", heads)
                .with("layers", layers).with("feedForwardSize", feedForwardSize).with("dropout", dropout).toString();
    }

    /** Pre-LayerNorm encoders sized to no fewer parameters than the parallel LMU on each task. */
    private static final class Defaults implements FamilyDefaults {

        @Override
        public Class<? extends FamilyConfig> configType() {
            return TransformerConfig.class;
        }

        /** D = width / 2 (at least 8), 4 heads, FFN = width. */
        @Override
        public FamilyConfig small(double theta, int order, int width) {
            return new TransformerConfig(Math.max(8, width / 2), 4, 1, width, 0f);
        }

        @Override
        public FamilyConfig psMnist() {
            return new TransformerConfig(64, 4, 3, 300, 0.1f);
        }

        @Override
        public FamilyConfig mackeyGlass() {
            return new TransformerConfig(32, 4, 2, 72, 0f);
        }

        /** The translator embeds tokens at its own width D, so it has D 128 like the others' embeddings. */
        @Override
        public Optional<FamilyConfig> textEncoder(TaskId task, double theta) {
            return Optional.of(switch (task) {
                case QQP, SNLI -> new TransformerConfig(64, 4, 1, 480, 0.1f);
                case IWSLT15_EN_VI -> new TransformerConfig(128, 4, 1, 256, 0.1f);
                case TEXT8 -> new TransformerConfig(64, 4, 1, 240, 0.1f);
                default -> new TransformerConfig(64, 4, 1, 224, 0.1f);
            });
        }
    }
}
