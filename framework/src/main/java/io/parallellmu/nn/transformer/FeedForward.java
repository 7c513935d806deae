package io.parallellmu.nn.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Position-wise feed-forward network: Linear(D→F) → GELU → dropout → Linear(F→D); input and output (B, L, D). */
public final class FeedForward extends AbstractBlock {

    private static final byte VERSION = 1;

    private final float dropout;
    private final Linear expand;
    private final Linear contract;

    /**
     * Creates the network.
     *
     * @param modelSize D
     * @param hiddenSize F
     * @param dropout dropout after the activation, in [0, 1)
     */
    public FeedForward(int modelSize, int hiddenSize, float dropout) {
        super(VERSION);
        TransformerChecks.positive("modelSize", modelSize);
        TransformerChecks.positive("feedForwardSize", hiddenSize);
        TransformerChecks.dropout(dropout);
        this.dropout = dropout;
        expand = addChildBlock("expand", Linear.builder().setUnits(hiddenSize).build());
        contract = addChildBlock("contract", Linear.builder().setUnits(modelSize).build());
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray hidden = expand.forward(parameterStore, inputs, training).head(); // (B, L, F)
        hidden = Dropout.dropout(Activation.gelu(hidden), dropout, training).head(); // (B, L, F)
        return contract.forward(parameterStore, new NDList(hidden), training); // (B, L, D)
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        expand.initialize(manager, dataType, inputShapes[0]);
        contract.initialize(manager, dataType, expand.getOutputShapes(new Shape[] {inputShapes[0]}));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
