package io.parallellmu.models;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import io.parallellmu.nn.DiagonalSsm;
import io.parallellmu.nn.LmuLayer;
import io.parallellmu.nn.OriginalLmu;
import io.parallellmu.nn.baselines.BidirectionalLstm;
import io.parallellmu.nn.baselines.SingleBiasLstm;
import java.util.List;

/**
 * Builds each family's {@link SequenceEncoder} for a {@link SequenceRole}.
 *
 * <ul>
 *   <li>LMU: stacked {@link LmuLayer}s. A summary of unpadded input takes the last layer's final state only, which
 *       lets its memory use eq. 25's single matmul (AUTO picks MATMUL); with padding, the output at each sequence's
 *       last valid step.
 *   <li>Original LMU: stacked {@link OriginalLmu} layers, pooled the same way.
 *   <li>LSTM: DJL's {@link LSTM} ({@link SingleBiasLstm} for Keras' one bias per gate), or {@link BidirectionalLstm} where the config asks for both directions and the
 *       role allows it (causal roles are always unidirectional); summaries take the last valid step
 *       (unidirectional) or the mean over valid steps (bidirectional).
 *   <li>SSM: an input projection and residual {@link DiagonalSsm} layers (AUTO mode: FFT or RAW, timed); causal, so
 *       summaries take the last valid step.
 *   <li>Transformer: {@link ProjectedTransformer}, causal for the causal role; summaries take the masked mean.
 *       Ordered summaries (pair encoders) run causally and take the last valid step: with bidirectional attention
 *       and additive sinusoidal positions, which word came first is only a weak second-order signal that the mean
 *       blurs further, whereas a causal prefix state knows it by construction. On the QQP stand-in, whose negatives
 *       are role swaps of the same words, the masked mean stayed at chance; the causal last step learns them.
 * </ul>
 */
public final class FamilyStacks {

    private FamilyStacks() {}

    /**
     * Builds the encoder.
     *
     * @param config the family's settings
     * @param role what the model needs
     * @param variableLength whether inputs are padded (lengths are given)
     * @return the encoder
     */
    public static SequenceEncoder encoder(FamilyConfig config, SequenceRole role, boolean variableLength) {
        boolean finalStateOnly = role.pooled() && !variableLength;
        Pooling recurrentPooling = !role.pooled() ? Pooling.NONE
                : finalStateOnly ? Pooling.FINAL_STATE : Pooling.LAST;
        if (config instanceof LmuConfig lmu) {
            return new SequenceEncoder(lmuStack(lmu, !finalStateOnly), false, recurrentPooling);
        }
        if (config instanceof OriginalLmuConfig original) {
            return new SequenceEncoder(originalLmuStack(original, !finalStateOnly), false, recurrentPooling);
        }
        if (config instanceof SsmConfig ssm) { // causal, so the last valid step summarises a padded sequence
            return new SequenceEncoder(ssmStack(ssm), false, recurrentPooling == Pooling.FINAL_STATE
                    ? Pooling.LAST : recurrentPooling);
        }
        if (config instanceof LstmConfig lstm) {
            if (lstm.bidirectional() && role != SequenceRole.CAUSAL) {
                Pooling pooling = role.pooled() ? Pooling.MEAN : Pooling.NONE;
                return new SequenceEncoder(
                        new BidirectionalLstm(lstm.hiddenSize(), lstm.layers(), lstm.dropout()), true, pooling);
            }
            return new SequenceEncoder(lstmStack(lstm), false, recurrentPooling == Pooling.FINAL_STATE
                    ? Pooling.LAST : recurrentPooling);
        }
        TransformerConfig transformer = (TransformerConfig) config;
        boolean causal = role == SequenceRole.CAUSAL || role == SequenceRole.ORDERED_SUMMARY;
        Pooling pooling = switch (role) {
            case SUMMARY -> Pooling.MEAN;
            case ORDERED_SUMMARY -> Pooling.LAST;
            default -> Pooling.NONE;
        };
        return new SequenceEncoder(new ProjectedTransformer(transformer, causal), true, pooling);
    }

    /**
     * Returns the width H of the encoder's outputs.
     *
     * @param config the family's settings
     * @param role the role it was built for
     * @return H
     */
    public static int outputWidth(FamilyConfig config, SequenceRole role) {
        if (config instanceof LmuConfig lmu) {
            return lmu.hiddenSize();
        }
        if (config instanceof OriginalLmuConfig original) {
            return original.hiddenSize();
        }
        if (config instanceof SsmConfig ssm) {
            return ssm.width();
        }
        if (config instanceof LstmConfig lstm) {
            return lstm.bidirectional() && role != SequenceRole.CAUSAL ? 2 * lstm.hiddenSize() : lstm.hiddenSize();
        }
        return ((TransformerConfig) config).modelSize();
    }

    private static Block lmuStack(LmuConfig config, boolean lastReturnsSequences) {
        SequentialBlock stack = new SequentialBlock();
        for (int i = 0; i < config.layers(); i++) {
            boolean last = i == config.layers() - 1;
            stack.add(LmuLayer.builder()
                    .setOrder(config.order())
                    .setTheta(config.theta())
                    .setHiddenSize(config.hiddenSize())
                    .optMemoryD(config.memoryD())
                    .optHiddenActivation(config.hiddenActivation())
                    .optDropout(config.dropout())
                    .optReturnSequences(!last || lastReturnsSequences)
                    .build());
        }
        return stack;
    }

    private static Block originalLmuStack(OriginalLmuConfig config, boolean lastReturnsSequences) {
        SequentialBlock stack = new SequentialBlock();
        for (int i = 0; i < config.layers(); i++) {
            boolean last = i == config.layers() - 1;
            stack.add(OriginalLmu.builder()
                    .setOrder(config.order())
                    .setTheta(config.theta())
                    .setHiddenSize(config.hiddenSize())
                    .optReturnSequences(!last || lastReturnsSequences)
                    .build());
        }
        return stack;
    }

    /** An input projection to the width, then residual layers x + dropout(W · GELU(SSM(x))). */
    private static Block ssmStack(SsmConfig config) {
        SequentialBlock stack = new SequentialBlock().add(Linear.builder().setUnits(config.width()).build());
        for (int i = 0; i < config.layers(); i++) {
            SequentialBlock update = new SequentialBlock()
                    .add(DiagonalSsm.builder().setStateSize(config.stateSize()).build())
                    .add(Activation::gelu)
                    .add(Linear.builder().setUnits(config.width()).build());
            if (config.dropout() > 0) {
                update.add(Dropout.builder().optRate(config.dropout()).build());
            }
            stack.add(new ParallelBlock(
                    branches -> new NDList(branches.get(0).head().add(branches.get(1).head())),
                    List.of(update, Blocks.identityBlock())));
        }
        return stack;
    }

    private static Block lstmStack(LstmConfig config) {
        if (config.singleBias()) {
            return new SingleBiasLstm(config.hiddenSize(), config.layers(), config.dropout());
        }
        return LSTM.builder()
                .setStateSize(config.hiddenSize())
                .setNumLayers(config.layers())
                .optDropRate(config.dropout())
                .optBatchFirst(true)
                .optReturnState(false)
                .build();
    }
}
