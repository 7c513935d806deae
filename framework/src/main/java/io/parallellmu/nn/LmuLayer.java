package io.parallellmu.nn;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * The parallelisable LMU layer of Chilkuri and Eliasmith (2021):
 *
 * <pre>
 *   u_t = f₁(U_x x_t + b_u)                 eq. 18
 *   m_t = Ā m_{t−1} + B̄ u_t                eq. 19 (one system per channel of u, eq. 21)
 *   o_t = f₂(W_m m_t + W_x x_t + b_o)       eq. 20 (W_x x_t is the optional skip connection)
 * </pre>
 *
 * <p>Input (B, L, F); output (B, L, H) when returning sequences, else (B, H) from the final step. The
 * memory is computed in any {@link MemoryMode}; {@link #step} runs the same weights as an RNN. When whole
 * sequences are computed by FFT or RAW and the hidden size H is smaller than the memory state C·d, W_m is folded
 * into the impulse response (K = W_m H), so that the wider memory states are never materialised; the result is the
 * same. Where H ≥ C·d, folding would convolve H channels instead of C·d (for the Mackey-Glass recipe, 73 instead of
 * 4), so the states are computed and then projected.
 *
 * <p>While {@link CarriedStates} are active, a window starts from the memory state the layer left after the previous
 * one and leaves its own, so that windows in a row compute what one forward over all of them computes.
 */
public class LmuLayer extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int hiddenSize;
    private final Nonlinearity inputActivation;
    private final Nonlinearity hiddenActivation;
    private final boolean skipConnection;
    private final float dropout;
    private final boolean returnSequences;

    private final Linear encoder;
    private final LegendreMemory memory;
    private final Linear hidden;
    private final Linear skip;

    /**
     * Creates the layer from its builder.
     *
     * @param builder the validated settings
     */
    protected LmuLayer(Builder builder) {
        super(VERSION);
        hiddenSize = builder.hiddenSize;
        inputActivation = builder.inputActivation;
        hiddenActivation = builder.hiddenActivation;
        skipConnection = builder.skipConnection;
        dropout = builder.dropout;
        returnSequences = builder.returnSequences;
        // The memory's builder validates order, θ and memoryD before any child is made.
        LegendreMemory legendre =
                LegendreMemory.builder()
                        .setOrder(builder.order)
                        .setTheta(builder.theta)
                        .optMemoryD(builder.memoryD)
                        .optDiscretizer(builder.discretizer)
                        .optMode(builder.mode)
                        .optReturnSequences(builder.returnSequences)
                        .optTrainableTheta(builder.trainableTheta)
                        .build();
        encoder = addChildBlock("encoder", Linear.builder().setUnits(builder.memoryD).build());
        memory = addChildBlock("memory", legendre);
        hidden = addChildBlock("hidden", Linear.builder().setUnits(hiddenSize).build());
        skip = skipConnection ? addChildBlock("skip", Linear.builder().setUnits(hiddenSize).optBias(false).build()) : null;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the layer's memory block.
     *
     * @return the memory
     */
    public LegendreMemory getMemory() {
        return memory;
    }

    /**
     * Returns the memory mode that ran for an input shape, without measuring anything.
     *
     * @param inputShape (B, L, F)
     * @return the mode, or empty if AUTO has not yet seen that shape
     */
    public Optional<MemoryMode> modeUsedFor(Shape inputShape) {
        return memory.modeUsedFor(new Shape(inputShape.get(0), inputShape.get(1), memory.getMemoryD()));
    }

    /**
     * Returns the hidden size H.
     *
     * @return the hidden size
     */
    public int getHiddenSize() {
        return hiddenSize;
    }

    /**
     * Returns whether the layer outputs every step rather than only the last.
     *
     * @return true for sequences
     */
    public boolean isReturnSequences() {
        return returnSequences;
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow(); // (B, L, F)
        checkInput(x.getShape());
        Device device = x.getDevice();
        NDArray weight = parameterStore.getValue(hidden.getParameters().get("weight"), device, training); // W_m (H, C·d)
        NDArray bias = parameterStore.getValue(hidden.getParameters().get("bias"), device, training); // b_o (H)
        try (NDManager scope = NDManager.subManagerOf(x)) {
            scope.tempAttachAll(x, weight, bias); // every intermediate, even of parameters, is freed here
            NDArray u = inputActivation.apply(encoder.forward(parameterStore, new NDList(x), training).head()); // eq. 18: (B, L, C)
            NDArray pre;
            Optional<CarriedStates> carried = CarriedStates.active();
            MemoryMode folded = carried.isPresent() ? null : foldedMode(u);
            if (carried.isPresent()) {
                pre = hidden.forward(parameterStore, new NDList(carriedMemory(parameterStore, u, carried.get(), training)),
                        training).head(); // W_m m_t + b_o with m from the carried state: (B, L, H) or (B, H)
            } else if (folded != null) {
                pre = foldedMemoryProjection(parameterStore, u, weight, folded, training).add(bias); // W_m m_t + b_o for every t: (B, L, H)
            } else {
                NDArray m = memory.forward(parameterStore, new NDList(u), training).head(); // eq. 19: (B, L, C·d) or (B, C·d)
                pre = hidden.forward(parameterStore, new NDList(m), training).head();
            }
            NDArray xOut = returnSequences ? x : x.get(new NDIndex(":, -1")); // (B, L, F) or (B, F)
            return new NDList(scope.ret(output(parameterStore, pre, xOut, training))); // eq. 20
        }
    }

    /**
     * The memory (eq. 19) from the state this layer left after the previous window, recording the state after this
     * one. The memory is the layer's whole state: eqs. 18 and 20 have no recurrence. The states are materialised
     * (no folding), which costs only at evaluation, where windows are carried.
     *
     * @return (B, L, C·d) or (B, C·d)
     */
    private NDArray carriedMemory(ParameterStore parameterStore, NDArray u, CarriedStates carried, boolean training) {
        NDList before = carried.before(this);
        NDList memoryOut = memory.forwardFrom(parameterStore, u, before == null ? null : before.head(), training);
        carried.after(this, new NDList(memoryOut.get(1))); // m_{L−1}: (B, C·d)
        return memoryOut.get(0);
    }

    /**
     * Returns the convolution mode in which W_m is folded into the impulse response, or null when the states are
     * materialised: for final states, for RECURRENT, and where folding costs more than it saves (H ≥ C·d). AUTO
     * folds in the mode that the memory's own chooser picks for this input.
     */
    private MemoryMode foldedMode(NDArray u) {
        if (!returnSequences || hiddenSize >= memory.getStateSize()) {
            return null;
        }
        MemoryMode mode = memory.resolveMode(u);
        return mode == MemoryMode.FFT || mode == MemoryMode.RAW ? mode : null;
    }

    /**
     * W_m m_t for every t without materialising m: since the memory is linear, W_m m_t = Σ_{j ≤ t} K[:, :, t−j]
     * u_j with the folded kernel K = W_m H (eqs. 20 and 24 combined), convolved by FFT (eq. 26) or directly.
     * For H ≪ B·L this replaces the (B·L)×(C·d)×H product of the hidden layer with an H×(C·d)×L one.
     *
     * @param parameterStore the parameter store, for a learned θ
     * @param u the memory input, (B, L, C)
     * @param weight W_m, (H, C·d)
     * @param mode FFT or RAW
     * @param training whether gradients are wanted
     * @return (B, L, H)
     */
    private NDArray foldedMemoryProjection(
            ParameterStore parameterStore, NDArray u, NDArray weight, MemoryMode mode, boolean training) {
        int length = Math.toIntExact(u.getShape().get(1));
        long channels = u.getShape().get(2);
        NDArray response = memory.impulseResponse(parameterStore, length, u, training); // H: (d, L)
        NDArray kernel = weight.reshape(hiddenSize, channels, memory.getOrder()).matMul(response); // K = W_m H: (H, C, L)
        NDArray projected = CausalConvolution.apply(u.transpose(0, 2, 1), kernel, mode); // (B, C, L) ∗ K: (B, H, L)
        return projected.transpose(0, 2, 1); // (B, L, H)
    }

    /** eq. 20: o = f₂(pre + W_x x), with dropout on o when training; pre already holds W_m m + b_o. */
    private NDArray output(ParameterStore parameterStore, NDArray pre, NDArray x, boolean training) {
        if (skip != null) {
            pre = pre.add(skip.forward(parameterStore, new NDList(x), training).head());
        }
        NDArray o = hiddenActivation.apply(pre);
        if (training && dropout > 0) {
            o = Dropout.dropout(o, dropout, true).head();
        }
        return o;
    }

    /**
     * Returns the zero memory state for a batch.
     *
     * @param like an array in the manager, data type and device wanted
     * @param batch the batch size B
     * @return zeros of shape (B, memoryD·d)
     */
    public NDArray initialState(NDArray like, long batch) {
        return memory.initialState(like, batch);
    }

    /**
     * Runs one time step as an RNN: encodes x_t, advances the memory by one step and computes o_t.
     *
     * @param parameterStore the parameter store
     * @param state the memory state, (B, memoryD·d); it may be of a wider type than x (float64 for float32 weights),
     *     so that a long recurrence does not accumulate float32 rounding, and the next state keeps its type
     * @param x the input at this step, (B, F)
     * @return {@code [o_t (B, H), next state (B, memoryD·d)]}
     */
    public NDList step(ParameterStore parameterStore, NDArray state, NDArray x) {
        try (NDManager scope = NDManager.subManagerOf(x)) {
            scope.tempAttachAll(x, state);
            NDArray u = inputActivation.apply(encoder.forward(parameterStore, new NDList(x), false).head()); // (B, C)
            NDArray next = memory.step(state, u.toType(state.getDataType(), false)); // (B, C·d), in the state's type
            NDArray m = next.toType(x.getDataType(), false); // the hidden layer reads m_t in the input's type
            NDArray pre = hidden.forward(parameterStore, new NDList(m), false).head(); // W_m m_t + b_o
            NDArray o = output(parameterStore, pre, x, false); // (B, H)
            return new NDList(scope.ret(o), scope.ret(next));
        }
    }

    private static void checkInput(Shape shape) {
        if (shape.dimension() != 3) {
            throw new IllegalArgumentException(
                    "LmuLayer expects input of shape (batch, time, features), got rank " + shape.dimension()
                            + " shape " + shape);
        }
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        checkInput(x);
        encoder.initialize(manager, dataType, x);
        Shape u = encoder.getOutputShapes(new Shape[] {x})[0];
        memory.initialize(manager, dataType, u);
        Shape m = memory.getOutputShapes(new Shape[] {u})[0];
        hidden.initialize(manager, dataType, m);
        if (skip != null) {
            skip.initialize(manager, dataType, returnSequences ? x : new Shape(x.get(0), x.get(2)));
        }
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        checkInput(x);
        return new Shape[] {returnSequences ? new Shape(x.get(0), x.get(1), hiddenSize) : new Shape(x.get(0), hiddenSize)};
    }

    /** {@inheritDoc} */
    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        super.saveMetadata(os);
        os.writeInt(hiddenSize);
        os.writeBoolean(skipConnection);
    }

    /** {@inheritDoc} */
    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException(
                    "Unsupported LmuLayer version " + loadVersion + "; this build reads version " + VERSION);
        }
        readInputShapes(is);
        int savedHidden = is.readInt();
        boolean savedSkip = is.readBoolean();
        if (savedHidden != hiddenSize || savedSkip != skipConnection) {
            throw new MalformedModelException(
                    "LmuLayer was saved with hidden size " + savedHidden + " and skip " + savedSkip
                            + " but this layer has hidden size " + hiddenSize + " and skip " + skipConnection);
        }
    }

    /** Settings for {@link LmuLayer}: order, θ and hidden size are required. */
    public static final class Builder extends LegendreBuilder<Builder> {
        private int hiddenSize = -1;
        private int memoryD = 1;
        private Nonlinearity inputActivation = Nonlinearity.IDENTITY;
        private Nonlinearity hiddenActivation = Nonlinearity.TANH;
        private boolean skipConnection = true;
        private float dropout;
        private MemoryMode mode = MemoryMode.AUTO;

        Builder() {}

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the hidden size H of o_t.
         *
         * @param hiddenSize at least 1
         * @return this builder
         */
        public Builder setHiddenSize(int hiddenSize) {
            this.hiddenSize = hiddenSize;
            return this;
        }

        /**
         * Sets the number of memory channels d_u (eq. 21; default 1).
         *
         * @param memoryD at least 1
         * @return this builder
         */
        public Builder optMemoryD(int memoryD) {
            this.memoryD = memoryD;
            return this;
        }

        /**
         * Sets f₁ of eq. 18 (default identity).
         *
         * @param activation the function
         * @return this builder
         */
        public Builder optInputActivation(Nonlinearity activation) {
            this.inputActivation = activation;
            return this;
        }

        /**
         * Sets f₂ of eq. 20 (default tanh).
         *
         * @param activation the function
         * @return this builder
         */
        public Builder optHiddenActivation(Nonlinearity activation) {
            this.hiddenActivation = activation;
            return this;
        }

        /**
         * Sets whether eq. 20 includes the skip term W_x x_t (default true).
         *
         * @param skipConnection whether to add W_x x_t
         * @return this builder
         */
        public Builder optSkipConnection(boolean skipConnection) {
            this.skipConnection = skipConnection;
            return this;
        }

        /**
         * Sets the dropout rate applied to o_t during training (default 0).
         *
         * @param dropout in [0, 1)
         * @return this builder
         */
        public Builder optDropout(float dropout) {
            this.dropout = dropout;
            return this;
        }

        /**
         * Sets how the memory is computed (default AUTO).
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder optMode(MemoryMode mode) {
            this.mode = mode;
            return this;
        }

        /**
         * Validates the settings and builds the layer.
         *
         * @return the layer
         * @throws IllegalArgumentException naming the setting and its allowed range
         */
        public LmuLayer build() {
            if (hiddenSize < 1) {
                throw new IllegalArgumentException("hiddenSize must be at least 1, got " + hiddenSize);
            }
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
            }
            if (inputActivation == null || hiddenActivation == null) {
                throw new IllegalArgumentException("activations must not be null");
            }
            return new LmuLayer(this);
        }
    }
}
