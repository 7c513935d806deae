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
 * A stack of pre-LayerNorm encoder layers with sinusoidal positions and a final LayerNorm.
 *
 * <p>Inputs: {@code [x (B, L, D)]} or {@code [x, lengths (B)]}; padded keys (positions ≥ length) are masked out of
 * attention. When built causal, position t attends only to positions ≤ t, which makes the stack usable as a
 * language model or as a decoder without cross-attention. Output: (B, L, D).
 */
public final class TransformerEncoder extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int modelSize;
    private final float dropout;
    private final boolean causal;
    private final List<TransformerEncoderLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm;

    private TransformerEncoder(TransformerStackBuilder<?> builder, boolean causal) {
        super(VERSION);
        modelSize = builder.modelSize;
        dropout = builder.dropout;
        this.causal = causal;
        for (int i = 0; i < builder.layers; i++) {
            layers.add(addChildBlock("layer" + i, new TransformerEncoderLayer(
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

    /**
     * Returns whether the stack is causal.
     *
     * @return {@code true} if position t sees only positions ≤ t
     */
    public boolean isCausal() {
        return causal;
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0); // (B, L, D)
        try (NDManager scope = x.getManager().newSubManager()) {
            Scopes.attach(scope, inputs);
            long length = x.getShape().get(1);
            NDArray lengths = inputs.size() > 1 ? inputs.get(1) : null;
            NDArray bias = Masks.attentionBias(scope, lengths, length, causal); // (B or 1, 1, L, L) or null
            NDArray hidden = x.add(SinusoidalPositions.encode(scope, length, modelSize).toDevice(x.getDevice(), false));
            hidden = Dropout.dropout(hidden, dropout, training).head(); // (B, L, D)
            for (TransformerEncoderLayer layer : layers) {
                NDList layerInputs = bias == null ? new NDList(hidden) : new NDList(hidden, bias);
                hidden = layer.forward(parameterStore, layerInputs, training).head(); // (B, L, D)
            }
            NDArray out = finalNorm.forward(parameterStore, new NDList(hidden), training).head(); // (B, L, D)
            scope.ret(out);
            return new NDList(out);
        }
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (TransformerEncoderLayer layer : layers) {
            layer.initialize(manager, dataType, inputShapes[0]);
        }
        finalNorm.initialize(manager, dataType, inputShapes[0]);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /** Builder for {@link TransformerEncoder}. */
    public static final class Builder extends TransformerStackBuilder<Builder> {
        private boolean causal;

        private Builder() {}

        /**
         * Makes the stack causal (default: not causal).
         *
         * @param causal whether position t may only attend to positions ≤ t
         * @return this builder
         */
        public Builder optCausal(boolean causal) {
            this.causal = causal;
            return this;
        }

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
        public TransformerEncoder build() {
            validate();
            return new TransformerEncoder(this, causal);
        }
    }
}
