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
 * One pre-LayerNorm encoder layer (Xiong et al., 2020): x ← x + Drop(SelfAttn(LN(x))), x ← x + Drop(FFN(LN(x))).
 *
 * <p>Inputs: {@code [x (B, L, D)]} and optionally an attention bias broadcastable to (B, heads, L, L). Output:
 * (B, L, D).
 */
public final class TransformerEncoderLayer extends AbstractBlock {

    private static final byte VERSION = 1;

    private final float dropout;
    private final LayerNorm attentionNorm;
    private final MultiHeadAttention attention;
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
    public TransformerEncoderLayer(int modelSize, int heads, int feedForwardSize, float dropout) {
        super(VERSION);
        this.dropout = dropout;
        attentionNorm = addChildBlock("attentionNorm", lastAxisNorm());
        attention = addChildBlock("attention",
                MultiHeadAttention.builder().setModelSize(modelSize).setHeads(heads).optDropout(dropout).build());
        feedForwardNorm = addChildBlock("feedForwardNorm", lastAxisNorm());
        feedForward = addChildBlock("feedForward", new FeedForward(modelSize, feedForwardSize, dropout));
    }

    /**
     * Returns a LayerNorm over the last axis of a (B, L, D) input.
     *
     * @return the block
     */
    static LayerNorm lastAxisNorm() {
        return LayerNorm.builder().axis(2).build();
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0); // (B, L, D)
        try (NDManager scope = x.getManager().newSubManager()) {
            Scopes.attach(scope, inputs);
            NDArray normed = attentionNorm.forward(parameterStore, new NDList(x), training).head();
            NDList attentionInputs = new NDList(normed, normed);
            if (inputs.size() > 1) {
                attentionInputs.add(inputs.get(1));
            }
            NDArray attended = attention.forward(parameterStore, attentionInputs, training).head();
            x = x.add(Dropout.dropout(attended, dropout, training).head()); // (B, L, D)
            NDArray fed = feedForward.forward(
                    parameterStore, feedForwardNorm.forward(parameterStore, new NDList(x), training), training).head();
            NDArray out = x.add(Dropout.dropout(fed, dropout, training).head()); // (B, L, D)
            scope.ret(out);
            return new NDList(out);
        }
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        attentionNorm.initialize(manager, dataType, x);
        attention.initialize(manager, dataType, x, x);
        feedForwardNorm.initialize(manager, dataType, x);
        feedForward.initialize(manager, dataType, x);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
