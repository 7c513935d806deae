package io.parallellmu.nn.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One pre-LayerNorm decoder layer: masked self-attention, cross-attention over the encoder's memory, and a
 * feed-forward network, each as x ← x + Drop(Sublayer(LN(x))).
 *
 * <p>Inputs: {@code [y (B, Lt, D), selfBias (…, Lt, Lt), memory (B, Ls, D), crossBias (…, Lt or 1, Ls)]}, the
 * biases broadcastable to (B, heads, ·, ·). Output: (B, Lt, D).
 */
public final class TransformerDecoderLayer extends AbstractBlock {

    private static final byte VERSION = 1;

    private final float dropout;
    private final LayerNorm selfAttentionNorm;
    private final MultiHeadAttention selfAttention;
    private final LayerNorm crossAttentionNorm;
    private final MultiHeadAttention crossAttention;
    private final LayerNorm feedForwardNorm;
    private final FeedForward feedForward;

    /**
     * Creates the layer.
     *
     * @param modelSize D
     * @param heads attention heads, dividing D
     * @param feedForwardSize the feed-forward hidden width
     * @param dropout residual and attention dropout, in [0, 1)
     */
    public TransformerDecoderLayer(int modelSize, int heads, int feedForwardSize, float dropout) {
        super(VERSION);
        this.dropout = dropout;
        selfAttentionNorm = addChildBlock("selfAttentionNorm", TransformerEncoderLayer.lastAxisNorm());
        selfAttention = addChildBlock("selfAttention",
                MultiHeadAttention.builder().setModelSize(modelSize).setHeads(heads).optDropout(dropout).build());
        crossAttentionNorm = addChildBlock("crossAttentionNorm", TransformerEncoderLayer.lastAxisNorm());
        crossAttention = addChildBlock("crossAttention",
                MultiHeadAttention.builder().setModelSize(modelSize).setHeads(heads).optDropout(dropout).build());
        feedForwardNorm = addChildBlock("feedForwardNorm", TransformerEncoderLayer.lastAxisNorm());
        feedForward = addChildBlock("feedForward", new FeedForward(modelSize, feedForwardSize, dropout));
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray y = inputs.get(0); // (B, Lt, D)
        try (NDManager scope = y.getManager().newSubManager()) {
            Scopes.attach(scope, inputs);
            NDArray normed = selfAttentionNorm.forward(parameterStore, new NDList(y), training).head();
            NDArray attended = selfAttention.forward(
                    parameterStore, new NDList(normed, normed, inputs.get(1)), training).head();
            y = y.add(Dropout.dropout(attended, dropout, training).head()); // (B, Lt, D)
            normed = crossAttentionNorm.forward(parameterStore, new NDList(y), training).head();
            NDArray crossed = crossAttention.forward(
                    parameterStore, new NDList(normed, inputs.get(2), inputs.get(3)), training).head();
            y = y.add(Dropout.dropout(crossed, dropout, training).head()); // (B, Lt, D)
            NDArray fed = feedForward.forward(
                    parameterStore, feedForwardNorm.forward(parameterStore, new NDList(y), training), training).head();
            NDArray out = y.add(Dropout.dropout(fed, dropout, training).head()); // (B, Lt, D)
            scope.ret(out);
            return new NDList(out);
        }
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape y = inputShapes[0];
        Shape memory = inputShapes[2];
        selfAttentionNorm.initialize(manager, dataType, y);
        selfAttention.initialize(manager, dataType, y, y);
        crossAttentionNorm.initialize(manager, dataType, y);
        crossAttention.initialize(manager, dataType, y, memory);
        feedForwardNorm.initialize(manager, dataType, y);
        feedForward.initialize(manager, dataType, y);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
