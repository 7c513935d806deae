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
import java.util.ArrayList;
import java.util.List;

/**
 * A stack of pre-LayerNorm decoder layers (causal self-attention, cross-attention, feed-forward) with sinusoidal
 * positions and a final LayerNorm.
 *
 * <p>Inputs: {@code [y (B, Lt, D), memory (B, Ls, D)]} or {@code [y, memory, memoryLengths (B)]}, where padded
 * memory positions are masked out of cross-attention. Target padding needs no mask: it sits after the real tokens,
 * which the causal mask already hides it from. Output: (B, Lt, D).
 */
public final class TransformerDecoder extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int modelSize;
    private final float dropout;
    private final List<TransformerDecoderLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm;

    private TransformerDecoder(Builder builder) {
        super(VERSION);
        modelSize = builder.modelSize;
        dropout = builder.dropout;
        for (int i = 0; i < builder.layers; i++) {
            layers.add(addChildBlock("layer" + i, new TransformerDecoderLayer(
                    builder.modelSize, builder.heads, builder.feedForwardSize, builder.dropout)));
        }
        finalNorm = addChildBlock("finalNorm", TransformerEncoderLayer.lastAxisNorm());
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray y = inputs.get(0); // (B, Lt, D)
        NDArray memory = inputs.get(1); // (B, Ls, D)
        try (NDManager scope = y.getManager().newSubManager()) {
            Scopes.attach(scope, inputs);
            long targetLength = y.getShape().get(1);
            long sourceLength = memory.getShape().get(1);
            NDArray selfBias = Masks.attentionBias(scope, null, targetLength, true); // (1, 1, Lt, Lt)
            NDArray crossBias = inputs.size() > 2
                    ? Masks.attentionBias(scope, inputs.get(2), sourceLength, false) // (B, 1, 1, Ls)
                    : scope.zeros(new Shape(1, 1, 1, sourceLength), DataType.FLOAT32, y.getDevice());
            NDArray hidden = y.add(SinusoidalPositions.encode(scope, targetLength, modelSize).toDevice(y.getDevice(), false));
            hidden = Dropout.dropout(hidden, dropout, training).head(); // (B, Lt, D)
            for (TransformerDecoderLayer layer : layers) {
                hidden = layer.forward(
                        parameterStore, new NDList(hidden, selfBias, memory, crossBias), training).head();
            }
            NDArray out = finalNorm.forward(parameterStore, new NDList(hidden), training).head(); // (B, Lt, D)
            scope.ret(out);
            return new NDList(out);
        }
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape y = inputShapes[0];
        Shape memory = inputShapes[1];
        Shape unused = new Shape(1);
        for (TransformerDecoderLayer layer : layers) {
            layer.initialize(manager, dataType, y, unused, memory, unused);
        }
        finalNorm.initialize(manager, dataType, y);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /** Builder for {@link TransformerDecoder}. */
    public static final class Builder extends TransformerStackBuilder<Builder> {

        private Builder() {}

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the block
         */
        public TransformerDecoder build() {
            validate();
            return new TransformerDecoder(this);
        }
    }
}
