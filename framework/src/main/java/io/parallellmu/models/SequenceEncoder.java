package io.parallellmu.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.parallellmu.nn.CarriedStates;
import io.parallellmu.nn.baselines.CarriedLstm;
import io.parallellmu.nn.transformer.Scopes;
import java.util.Optional;
import java.util.function.Function;

/**
 * A family's sequence stack followed by a {@link Pooling}: the encoder every task model is built around.
 *
 * <p>Inputs: {@code [x (B, L, F)]} or {@code [x, lengths (B)]}. Output: (B, L, H) for {@link Pooling#NONE},
 * otherwise (B, H). Lengths go to the stack only if it uses them (the transformer, for attention masks); causal
 * stacks need none, because padding comes after the valid steps.
 */
public final class SequenceEncoder extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block stack;
    private final boolean stackTakesLengths;
    private final Pooling pooling;

    /**
     * Wraps a stack.
     *
     * @param stack maps (B, L, F) to (B, L, H), or to (B, H) for {@link Pooling#FINAL_STATE}
     * @param stackTakesLengths whether to pass the lengths to the stack as its second input
     * @param pooling how to pool the stack's output
     */
    public SequenceEncoder(Block stack, boolean stackTakesLengths, Pooling pooling) {
        super(VERSION);
        this.stack = addChildBlock("stack", stack);
        this.stackTakesLengths = stackTakesLengths;
        this.pooling = pooling;
    }

    /**
     * Builds an encoder of stacked recurrent layers (which take no lengths) pooled as {@link Pooling#recurrent}
     * says: every layer returns its whole sequence, except the last when only its final state is pooled.
     *
     * @param layers how many layers
     * @param pooling the pooling, from {@link Pooling#recurrent}
     * @param layer builds one layer, given whether it returns its whole sequence
     * @return the encoder
     */
    static SequenceEncoder stackedRecurrent(int layers, Pooling pooling, Function<Boolean, Block> layer) {
        SequentialBlock stack = new SequentialBlock();
        for (int i = 0; i < layers; i++) {
            stack.add(layer.apply(i < layers - 1 || pooling != Pooling.FINAL_STATE));
        }
        return new SequenceEncoder(stack, false, pooling);
    }

    /**
     * Returns the wrapped stack.
     *
     * @return the stack
     */
    public Block getStack() {
        return stack;
    }

    /**
     * Returns the pooling.
     *
     * @return the pooling
     */
    public Pooling getPooling() {
        return pooling;
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0); // (B, L, F)
        NDArray lengths = inputs.size() > 1 ? inputs.get(1) : null; // (B)
        try (NDManager scope = x.getManager().newSubManager()) {
            Scopes.attach(scope, inputs);
            NDList stackInputs = stackTakesLengths && lengths != null ? new NDList(x, lengths) : new NDList(x);
            Optional<CarriedStates> carried = CarriedStates.active();
            NDArray outputs = carried.isPresent() && stack instanceof LSTM lstm // DJL's LSTM reads no carried states
                    ? CarriedLstm.forward(parameterStore, lstm, x, carried.get(), training)
                    : stack.forward(parameterStore, stackInputs, training).head(); // (B, L, H) or (B, H)
            NDArray pooled = pooling.apply(outputs, lengths);
            scope.ret(pooled);
            return new NDList(pooled);
        }
    }

    private Shape[] stackInputShapes(Shape[] inputShapes) {
        return stackTakesLengths && inputShapes.length > 1 ? inputShapes : new Shape[] {inputShapes[0]};
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        stack.initialize(manager, dataType, stackInputShapes(inputShapes));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape out = stack.getOutputShapes(stackInputShapes(inputShapes))[0];
        if (pooling == Pooling.NONE || pooling == Pooling.FINAL_STATE) {
            return new Shape[] {out};
        }
        return new Shape[] {new Shape(out.get(0), out.get(2))};
    }
}
