package io.parallellmu.nn.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.parallellmu.nn.Scalars;

/**
 * Multi-head scaled dot-product attention (Vaswani et al., 2017): softmax(Q Kᵀ / √d_h + bias) V per head, with
 * learned projections for queries, keys, values and output.
 *
 * <p>Inputs: {@code [query (B, Lq, D), memory (B, Lk, D)]} and optionally an additive {@code bias} broadcastable
 * to (B, heads, Lq, Lk), for example from {@link Masks#toAttentionBias}. Self-attention passes the same array as
 * query and memory. Output: (B, Lq, D).
 */
public final class MultiHeadAttention extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int modelSize;
    private final int heads;
    private final float dropout;
    private final float scoreDivisor;
    private final Linear queryProjection;
    private final Linear keyProjection;
    private final Linear valueProjection;
    private final Linear outputProjection;

    private MultiHeadAttention(Builder builder) {
        super(VERSION);
        modelSize = builder.modelSize;
        heads = builder.heads;
        dropout = builder.dropout;
        scoreDivisor = (float) Math.sqrt(modelSize / heads); // √d_head of scaled dot-product attention
        queryProjection = addChildBlock("query", Linear.builder().setUnits(modelSize).build());
        keyProjection = addChildBlock("key", Linear.builder().setUnits(modelSize).build());
        valueProjection = addChildBlock("value", Linear.builder().setUnits(modelSize).build());
        outputProjection = addChildBlock("output", Linear.builder().setUnits(modelSize).build());
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
        NDArray query = inputs.get(0); // (B, Lq, D)
        NDArray memory = inputs.get(1); // (B, Lk, D)
        try (NDManager scope = query.getManager().newSubManager()) {
            Scopes.attach(scope, inputs);
            NDArray q = splitHeads(project(queryProjection, parameterStore, query, training)); // (B, H, Lq, dh)
            NDArray k = splitHeads(project(keyProjection, parameterStore, memory, training)); // (B, H, Lk, dh)
            NDArray v = splitHeads(project(valueProjection, parameterStore, memory, training)); // (B, H, Lk, dh)
            NDArray scores = Scalars.dividedBy(q.matMul(k.transpose(0, 1, 3, 2)), scoreDivisor); // (B, H, Lq, Lk)
            if (inputs.size() > 2) {
                scores = scores.add(inputs.get(2));
            }
            NDArray weights = Dropout.dropout(scores.softmax(-1), dropout, training).head(); // (B, H, Lq, Lk)
            NDArray context = weights.matMul(v).transpose(0, 2, 1, 3); // (B, Lq, H, dh)
            Shape shape = query.getShape();
            context = context.reshape(shape.get(0), shape.get(1), modelSize); // (B, Lq, D)
            NDArray out = project(outputProjection, parameterStore, context, training); // (B, Lq, D)
            scope.ret(out);
            return new NDList(out);
        }
    }

    private static NDArray project(Linear linear, ParameterStore store, NDArray x, boolean training) {
        return linear.forward(store, new NDList(x), training).head();
    }

    private NDArray splitHeads(NDArray x) {
        Shape shape = x.getShape(); // (B, L, D)
        return x.reshape(shape.get(0), shape.get(1), heads, modelSize / heads).transpose(0, 2, 1, 3);
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        queryProjection.initialize(manager, dataType, inputShapes[0]);
        keyProjection.initialize(manager, dataType, inputShapes[1]);
        valueProjection.initialize(manager, dataType, inputShapes[1]);
        outputProjection.initialize(manager, dataType, inputShapes[0]);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /** Builder for {@link MultiHeadAttention}. */
    public static final class Builder {
        private int modelSize;
        private int heads;
        private float dropout;

        private Builder() {}

        /**
         * Sets the model width D (required).
         *
         * @param modelSize D, a positive multiple of the head count
         * @return this builder
         */
        public Builder setModelSize(int modelSize) {
            this.modelSize = modelSize;
            return this;
        }

        /**
         * Sets the number of heads (required).
         *
         * @param heads at least 1, dividing the model size
         * @return this builder
         */
        public Builder setHeads(int heads) {
            this.heads = heads;
            return this;
        }

        /**
         * Sets dropout on the attention weights; default 0.
         *
         * @param dropout in [0, 1)
         * @return this builder
         */
        public Builder optDropout(float dropout) {
            this.dropout = dropout;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the block
         */
        public MultiHeadAttention build() {
            TransformerChecks.positive("modelSize", modelSize);
            TransformerChecks.positive("heads", heads);
            if (modelSize % heads != 0) {
                throw new IllegalArgumentException(
                        "modelSize (" + modelSize + ") must be a multiple of heads (" + heads + ")");
            }
            TransformerChecks.dropout(dropout);
            return new MultiHeadAttention(this);
        }
    }
}
