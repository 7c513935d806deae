package io.parallellmu.nn.baselines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.parallellmu.nn.transformer.Scopes;
import java.util.ArrayList;
import java.util.List;

/**
 * A stacked one-way LSTM with one bias per gate, as Keras' LSTM has, instead of PyTorch's two (b_ih and b_hh, whose
 * sum is all that matters). Its parameter count is therefore Keras': 4H(F + H + 1) per layer; the LMU 2019
 * Mackey-Glass LSTM (4 layers of 25) has 18,000 plus its output layer.
 *
 * <p>Each layer is DJL's {@link LSTM} without biases, fed its input with a constant 1 appended, so that the input
 * weights' last column is the gates' bias. That column starts as Keras starts its bias: 0, except 1 for the forget
 * gate ({@code unit_forget_bias}); the other weights start as DJL's LSTM starts them.
 *
 * <p>Input: {@code [x (B, L, F)]}. Output: (B, L, H).
 */
public final class SingleBiasLstm extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int hiddenSize;
    private final float dropout;
    private final List<LSTM> layers = new ArrayList<>();

    /**
     * Creates the stack.
     *
     * @param hiddenSize H, units per layer
     * @param layers stacked layers, at least 1
     * @param dropout dropout between layers, in [0, 1)
     */
    public SingleBiasLstm(int hiddenSize, int layers, float dropout) {
        super(VERSION);
        StackChecks.check(hiddenSize, layers, dropout);
        this.hiddenSize = hiddenSize;
        this.dropout = dropout;
        for (int i = 0; i < layers; i++) {
            this.layers.add(addChildBlock("layer" + i, LSTM.builder()
                    .setStateSize(hiddenSize)
                    .setNumLayers(1)
                    .optHasBiases(false)
                    .optBatchFirst(true)
                    .optReturnState(false)
                    .build()));
        }
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head(); // (B, L, F)
        try (NDManager scope = x.getManager().newSubManager()) {
            Scopes.attach(scope, inputs);
            NDArray hidden = x;
            for (int i = 0; i < layers.size(); i++) {
                if (i > 0) {
                    hidden = Dropout.dropout(hidden, dropout, training).head();
                }
                hidden = layers.get(i).forward(parameterStore, new NDList(withOnes(hidden)), training).head(); // (B, L, H)
            }
            scope.ret(hidden);
            return new NDList(hidden);
        }
    }

    /** Appends a constant-1 feature: (B, L, F) to (B, L, F + 1). */
    private static NDArray withOnes(NDArray x) {
        Shape shape = x.getShape();
        return x.concat(x.getManager().ones(new Shape(shape.get(0), shape.get(1), 1), x.getDataType(), x.getDevice()), 2);
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape shape = inputShapes[0];
        for (LSTM layer : layers) {
            long features = shape.get(2);
            layer.initialize(manager, dataType, new Shape(shape.get(0), shape.get(1), features + 1));
            for (Parameter parameter : layer.getParameters().values()) {
                NDArray weight = parameter.getArray();
                if (weight.getShape().equals(new Shape(4L * hiddenSize, features + 1))) { // the input weights
                    weight.set(new NDIndex(":, {}", features), 0f); // PyTorch's gate order: input, forget, cell, output
                    weight.set(new NDIndex("{}:{}, {}", hiddenSize, 2 * hiddenSize, features), 1f);
                }
            }
            shape = new Shape(shape.get(0), shape.get(1), hiddenSize);
        }
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape shape = inputShapes[0];
        return new Shape[] {new Shape(shape.get(0), shape.get(1), hiddenSize)};
    }
}
