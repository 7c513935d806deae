package io.parallellmu.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.parallellmu.nn.transformer.Scopes;
import io.parallellmu.nn.transformer.TransformerEncoder;

/**
 * A linear projection of the inputs to the model width followed by a transformer encoder stack.
 *
 * <p>Inputs: {@code [x (B, L, F)]} or {@code [x, lengths (B)]}. Output: (B, L, D).
 */
public final class ProjectedTransformer extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Linear projection;
    private final TransformerEncoder encoder;

    /**
     * Creates the stack.
     *
     * @param config the transformer's settings
     * @param causal whether position t sees only positions ≤ t
     */
    public ProjectedTransformer(TransformerConfig config, boolean causal) {
        super(VERSION);
        projection = addChildBlock("projection", Linear.builder().setUnits(config.modelSize()).build());
        encoder = addChildBlock("encoder", TransformerEncoder.builder()
                .setModelSize(config.modelSize())
                .setHeads(config.heads())
                .setLayers(config.layers())
                .setFeedForwardSize(config.feedForwardSize())
                .optDropout(config.dropout())
                .optCausal(causal)
                .build());
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0); // (B, L, F)
        try (NDManager scope = x.getManager().newSubManager()) {
            Scopes.attach(scope, inputs);
            NDList encoderInputs = new NDList(projection.forward(parameterStore, new NDList(x), training).head());
            if (inputs.size() > 1) {
                encoderInputs.add(inputs.get(1));
            }
            NDArray out = encoder.forward(parameterStore, encoderInputs, training).head(); // (B, L, D)
            scope.ret(out);
            return new NDList(out);
        }
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        projection.initialize(manager, dataType, inputShapes[0]);
        Shape projected = projection.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        encoder.initialize(manager, dataType, projected);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return projection.getOutputShapes(new Shape[] {inputShapes[0]});
    }
}
