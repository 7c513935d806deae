package io.parallellmu.nn.baselines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.parallellmu.nn.transformer.Scopes;
import java.util.ArrayList;
import java.util.List;

/**
 * A stacked bidirectional LSTM built from one-direction, one-layer DJL {@link LSTM}s.
 *
 * <p>Why not {@code LSTM.builder().optBidirectional(true)}: DJL 0.36 orders a bidirectional LSTM's parameters
 * weights-then-biases across both directions, while PyTorch's fused kernel expects them direction by direction,
 * so any bidirectional LSTM with biases fails on PyTorch with a shape mismatch. Building the directions separately
 * also lets the backward direction start at each sequence's last valid step: with lengths given, every sequence is
 * reversed within its length (positions ≥ length stay in place), so padding never reaches a valid output.
 *
 * <p>Inputs: {@code [x (B, L, F)]} or {@code [x, lengths (B)]}. Output: (B, L, 2H), forward states then backward.
 */
public final class BidirectionalLstm extends AbstractBlock {

    private static final byte VERSION = 1;

    private final float dropout;
    private final List<LSTM> forwardLayers = new ArrayList<>();
    private final List<LSTM> backwardLayers = new ArrayList<>();

    /**
     * Creates the stack.
     *
     * @param hiddenSize H, units per direction
     * @param layers stacked layers, at least 1
     * @param dropout dropout between layers, in [0, 1)
     */
    public BidirectionalLstm(int hiddenSize, int layers, float dropout) {
        super(VERSION);
        StackChecks.check(hiddenSize, layers, dropout);
        this.dropout = dropout;
        for (int i = 0; i < layers; i++) {
            forwardLayers.add(addChildBlock("forward" + i, oneDirection(hiddenSize)));
            backwardLayers.add(addChildBlock("backward" + i, oneDirection(hiddenSize)));
        }
    }

    private static LSTM oneDirection(int hiddenSize) {
        return LSTM.builder().setStateSize(hiddenSize).setNumLayers(1).optBatchFirst(true).build();
    }

    /**
     * Reverses each sequence within its valid length: out[b, t] = x[b, len_b − 1 − t] for t &lt; len_b, else x[b, t].
     * Applying it twice gives x back.
     *
     * @param x (B, L, F)
     * @param lengths valid lengths (B), or {@code null} to reverse every whole sequence
     * @return (B, L, F)
     */
    public static NDArray reverseWithinLengths(NDArray x, NDArray lengths) {
        if (lengths == null) {
            return x.flip(1);
        }
        Shape shape = x.getShape();
        NDManager manager = x.getManager();
        NDArray t = manager.arange(0f, (float) shape.get(1), 1f, DataType.FLOAT32, x.getDevice()).reshape(1, -1); // (1, L)
        NDArray len = lengths.toType(DataType.FLOAT32, false).reshape(-1, 1); // (B, 1)
        NDArray reversed = len.sub(1f).sub(t); // (B, L)
        NDArray index = NDArrays.where(t.lt(len), reversed, t.broadcast(reversed.getShape()))
                .toType(DataType.INT64, false); // (B, L)
        return x.gather(index.expandDims(-1).broadcast(shape), 1); // (B, L, F)
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0); // (B, L, F)
        NDArray lengths = inputs.size() > 1 ? inputs.get(1) : null;
        try (NDManager scope = x.getManager().newSubManager()) {
            Scopes.attach(scope, inputs);
            NDArray hidden = x;
            for (int i = 0; i < forwardLayers.size(); i++) {
                if (i > 0) {
                    hidden = Dropout.dropout(hidden, dropout, training).head();
                }
                NDArray ahead = forwardLayers.get(i).forward(parameterStore, new NDList(hidden), training).head();
                NDArray reversedInput = reverseWithinLengths(hidden, lengths);
                NDArray behind = reverseWithinLengths(
                        backwardLayers.get(i).forward(parameterStore, new NDList(reversedInput), training).head(), lengths);
                hidden = ahead.concat(behind, 2); // (B, L, 2H)
            }
            scope.ret(hidden);
            return new NDList(hidden);
        }
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape shape = inputShapes[0];
        for (int i = 0; i < forwardLayers.size(); i++) {
            forwardLayers.get(i).initialize(manager, dataType, shape);
            backwardLayers.get(i).initialize(manager, dataType, shape);
            Shape one = forwardLayers.get(i).getOutputShapes(new Shape[] {shape})[0];
            shape = new Shape(one.get(0), one.get(1), 2 * one.get(2));
        }
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape one = forwardLayers.get(0).getOutputShapes(new Shape[] {inputShapes[0]})[0];
        return new Shape[] {new Shape(one.get(0), one.get(1), 2 * one.get(2))};
    }
}
