package io.parallellmu.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.parallellmu.lti.DiscreteLtiSystem;
import io.parallellmu.lti.Discretizer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The LMU's linear memory m_t = Ā m_{t−1} + B̄ u_t (eq. 19), with each of the {@code memoryD} input channels
 * driving its own copy of the d-dimensional Legendre system (eq. 21).
 *
 * <p>Input u is (B, L, memoryD); the output is the whole sequence of states (B, L, memoryD·d), or only the
 * final state (B, memoryD·d). Every {@link MemoryMode} computes the same values from one discrete system:
 * the recurrent mode steps its Ā and B̄, and the parallel modes use the impulse response derived from the
 * same Ā and B̄. Any sequence length works at run time.
 *
 * <p>By default the memory has no trainable parameters. With {@link Builder#optTrainableTheta} it learns its
 * window θ (as log θ, so that θ stays positive) in every mode: each kernel is X(θ₀) + (θ − stopgrad θ)·dX/dθ(θ₀),
 * with X and dX/dθ computed in {@code double} from the same discretisation (see {@link TrainableTheta}).
 *
 * <p>{@link #step} advances a state by one input step at O(1) cost, so that a model trained in parallel
 * runs as an RNN at inference.
 */
public class LegendreMemory extends AbstractBlock {

    /** Version 2 added the trainable-θ flag; version 1 blocks load as fixed-θ. */
    private static final byte VERSION = 2;

    private final int order;
    private final double theta;
    private final Discretizer discretizer;
    private final int memoryD;
    private final MemoryMode mode;
    private final boolean returnSequences;
    private final LtiKernels kernels;
    private final TrainableTheta trainableTheta;
    private final AutoModeChooser chooser;

    /** The kernels one computation uses: constants, or θ-dependent ones in the autograd graph. */
    @FunctionalInterface
    private interface KernelView {
        NDArray get(LtiKernels.Kind kind, int length, NDArray like);
    }

    /**
     * Creates the memory from its builder.
     *
     * @param builder the validated settings
     */
    protected LegendreMemory(Builder builder) {
        super(VERSION);
        order = builder.order;
        theta = builder.theta;
        discretizer = builder.discretizer;
        memoryD = builder.memoryD;
        mode = builder.mode;
        returnSequences = builder.returnSequences;
        DiscreteLtiSystem system =
                builder.system != null ? builder.system : discretizer.legendre(order, theta);
        kernels = new LtiKernels(system);
        trainableTheta = builder.trainableTheta ? new TrainableTheta(order, theta, discretizer) : null;
        if (trainableTheta != null) {
            addParameter(trainableTheta.parameter());
        }
        chooser = new AutoModeChooser("legendre-memory d=" + order);
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
     * Returns the discrete system every mode computes with: for a learned θ, the one at its current value.
     *
     * @return the system
     */
    public DiscreteLtiSystem getSystem() {
        return currentKernels().system();
    }

    /**
     * Returns whether θ is a trainable parameter.
     *
     * @return true if θ is learned
     */
    public boolean isTrainableTheta() {
        return trainableTheta != null;
    }

    /**
     * Returns the window θ in time steps: the builder's, or the learned one's current value.
     *
     * @return θ
     */
    public double getTheta() {
        return trainableTheta == null ? theta : trainableTheta.current(theta);
    }

    /** The constant kernels at the current θ, for inference-only uses (streaming, AUTO's timing). */
    private LtiKernels currentKernels() {
        return trainableTheta == null ? kernels : trainableTheta.valueKernels(trainableTheta.current(theta));
    }

    /**
     * Returns the kernels of one forward pass: the constants, or for a learned θ kernels whose gradient reaches
     * log θ. The caller's scope must own {@code like}'s manager, which the θ-dependent arrays attach to.
     */
    private KernelView kernels(ParameterStore parameterStore, NDArray like, boolean training) {
        if (trainableTheta == null) {
            return kernels::get;
        }
        NDArray logTheta = parameterStore.getValue(trainableTheta.parameter(), like.getDevice(), training); // (1)
        like.getManager().tempAttachAll(logTheta); // so that θ and δ are freed with the caller's scope
        double theta0 = Math.exp(TrainableTheta.logValue(logTheta));
        NDArray delta = TrainableTheta.delta(logTheta);
        return (kind, length, on) -> trainableTheta.effective(kind, length, on, delta, theta0);
    }

    /**
     * Returns the order d of each channel's system.
     *
     * @return the order
     */
    public int getOrder() {
        return order;
    }

    /**
     * Returns the number of input channels.
     *
     * @return memoryD
     */
    public int getMemoryD() {
        return memoryD;
    }

    /**
     * Returns the size of the memory state, memoryD·d.
     *
     * @return the state size
     */
    public int getStateSize() {
        return memoryD * order;
    }

    /**
     * Returns the configured mode, which may be {@link MemoryMode#AUTO}.
     *
     * @return the mode
     */
    public MemoryMode getMode() {
        return mode;
    }

    /**
     * Returns whether the whole sequence of states is returned, rather than only the final one.
     *
     * @return true for sequences
     */
    public boolean isReturnSequences() {
        return returnSequences;
    }

    /**
     * Returns the mode that runs for an input shape: the configured one, or for {@link MemoryMode#AUTO} the
     * one chosen (and if need be measured) for that shape.
     *
     * @param u an input of the shape in question, (B, L, memoryD)
     * @return a concrete mode
     */
    public MemoryMode resolveMode(NDArray u) {
        checkInput(u.getShape());
        if (mode != MemoryMode.AUTO) {
            return mode;
        }
        if (!returnSequences) {
            return MemoryMode.MATMUL;
        }
        LtiKernels constants = currentKernels();
        return chooser.choose(u, (probe, candidate) -> compute(probe, candidate, true, constants::get, null));
    }

    /**
     * Returns the mode that ran for inputs of a shape, without measuring anything: the configured mode,
     * MATMUL for AUTO final states, or AUTO's earlier choice for that shape.
     *
     * @param shape an input shape, (B, L, memoryD)
     * @return the mode, or empty if AUTO has not yet seen that shape
     */
    public Optional<MemoryMode> modeUsedFor(Shape shape) {
        if (mode != MemoryMode.AUTO) {
            return Optional.of(mode);
        }
        return returnSequences ? chooser.chosen(shape) : Optional.of(MemoryMode.MATMUL);
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(memoryFrom(parameterStore, inputs.singletonOrThrow(), null, training));
    }

    /**
     * Computes the memory of a window that starts from a given state rather than zero, in the configured mode,
     * and returns the state after it: with m_{−1} given, m_t = Σ_{j ≤ t} Ā^{t−j} B̄ u_j + Ā^{t+1} m_{−1}. RECURRENT
     * steps on from m_{−1}; the parallel modes add the free response Ā^{t+1} m_{−1}, whose powers of Ā come from
     * the same discrete system ({@link DiscreteLtiSystem#statePowers}). Running two windows with the state carried
     * equals one forward over both. A learned θ gets no gradient through the free response.
     *
     * @param parameterStore the parameter store, for a learned θ
     * @param u the window's input, (B, L, memoryD)
     * @param initialState m_{−1}, (B, memoryD·d), or {@code null} for zero
     * @param training whether gradients are wanted
     * @return {@code [output (as forward), m_{L−1} (B, memoryD·d)]}
     */
    public NDList forwardFrom(ParameterStore parameterStore, NDArray u, NDArray initialState, boolean training) {
        NDArray out = memoryFrom(parameterStore, u, initialState, training);
        return new NDList(out, returnSequences ? out.get(new NDIndex(":, -1")) : out); // [out, m_{L−1} (B, C·d)]
    }

    /** The memory in the configured mode from m_{−1} ({@code null}: zero), every intermediate freed in a scope. */
    private NDArray memoryFrom(ParameterStore parameterStore, NDArray u, NDArray initialState, boolean training) {
        MemoryMode resolved = resolveMode(u);
        try (NDManager scope = NDManager.subManagerOf(u)) {
            scope.tempAttachAll(u);
            if (initialState != null) {
                scope.tempAttachAll(initialState); // so that what is computed from it is freed here too
            }
            KernelView view = kernels(parameterStore, u, training);
            return scope.ret(compute(u, resolved, returnSequences, view, initialState));
        }
    }

    /**
     * Computes the memory of a whole input sequence in a given mode.
     *
     * @param u the input, (B, L, memoryD)
     * @param computeMode a concrete mode (not AUTO)
     * @param sequences whether to return every state or only the final one
     * @param view the kernels
     * @param initial m_{−1}, (B, memoryD·d), or {@code null} for zero
     * @return (B, L, memoryD·d) or (B, memoryD·d)
     */
    private NDArray compute(NDArray u, MemoryMode computeMode, boolean sequences, KernelView view, NDArray initial) {
        Shape shape = u.getShape();
        long batch = shape.get(0);
        int length = Math.toIntExact(shape.get(1));
        NDArray channels = u.transpose(0, 2, 1).reshape(batch * memoryD, length); // (B·C, L)
        NDArray zeroState;
        switch (computeMode) {
            case MATMUL:
                if (sequences) {
                    throw new IllegalStateException("MATMUL computes only the final state");
                }
                // eq. 25: final state as one matmul, u reversed in time times Hᵀ
                NDArray w = view.get(LtiKernels.Kind.FINAL_STATE_WEIGHT, length, u); // (L, d)
                zeroState = channels.matMul(w).reshape(batch, (long) memoryD * order); // (B, C·d)
                break;
            case FFT:
                zeroState = fromChannelStates(fftConvolve(channels, length, view), batch, length, sequences);
                break;
            case RAW:
                zeroState = fromChannelStates(rawConvolve(channels, length, view), batch, length, sequences);
                break;
            case RECURRENT:
                return recurrent(channels, batch, length, sequences, view, initial);
            default:
                throw new IllegalArgumentException("not a concrete mode: " + computeMode);
        }
        return initial == null ? zeroState : zeroState.add(freeResponse(initial, length, sequences));
    }

    /**
     * The free response Ā^{t+1} m_{−1} of an initial state, for every t or only the last (Ā^L m_{−1}).
     *
     * @param initial m_{−1}, (B, C·d)
     * @return (B, L, C·d) or (B, C·d)
     */
    private NDArray freeResponse(NDArray initial, int length, boolean sequences) {
        long batch = initial.getShape().get(0);
        NDArray powers = currentKernels().get(LtiKernels.Kind.FREE_RESPONSE, length, initial); // (d, L·d)
        NDArray rows = initial.reshape(batch * memoryD, order); // (B·C, d)
        if (!sequences) {
            NDArray last = powers.get(new NDIndex("..., {}:", (long) (length - 1) * order)); // (Ā^L)ᵀ: (d, d)
            return rows.matMul(last).reshape(batch, (long) memoryD * order); // (B, C·d)
        }
        return rows.matMul(powers) // (B·C, L·d)
                .reshape(batch, memoryD, length, order)
                .transpose(0, 2, 1, 3)
                .reshape(batch, length, (long) memoryD * order); // (B, L, C·d)
    }

    /** eq. 26: m = F⁻¹{F{H} · F{u}}, both zero-padded to 2L; returns (B·C, d, L). */
    private NDArray fftConvolve(NDArray channels, int length, KernelView view) {
        NDArray spectrum = view.get(LtiKernels.Kind.SPECTRUM, length, channels); // (d, L+1)
        return CausalConvolution.byFft(channels.expandDims(1), spectrum.expandDims(1)); // (B·C, 1, L) ∗ (d, 1, L)
    }

    /** Causal convolution with H: m_t = Σ_{j ≤ t} H[:, t−j] u_j (eq. 24); returns (B·C, d, L). */
    private NDArray rawConvolve(NDArray channels, int length, KernelView view) {
        NDArray weight = view.get(LtiKernels.Kind.CONV_WEIGHT, length, channels); // H reversed: (d, 1, L)
        return CausalConvolution.direct(channels.expandDims(1), weight); // (B·C, d, L)
    }

    /** Reorders (B·C, d, L) channel states into (B, L, C·d), or the final state (B, C·d). */
    private NDArray fromChannelStates(NDArray states, long batch, int length, boolean sequences) {
        long stateSize = (long) memoryD * order;
        if (!sequences) {
            return states.get(new NDIndex("..., -1")).reshape(batch, stateSize); // (B, C·d)
        }
        return states.reshape(batch, memoryD, order, length)
                .transpose(0, 3, 1, 2)
                .reshape(batch, length, stateSize); // (B, L, C·d)
    }

    /** eq. 19 step by step from m_{−1} (zero if {@code initial} is null): one matmul with Āᵀ and one add per step. */
    private NDArray recurrent(
            NDArray channels, long batch, int length, boolean sequences, KernelView view, NDArray initial) {
        NDArray stateT = view.get(LtiKernels.Kind.STATE_TRANSPOSED, length, channels); // (d, d)
        NDArray inputRow = view.get(LtiKernels.Kind.INPUT_ROW, length, channels); // (d)
        // B̄ u_t for every t at once, split into L pieces of (1, B·C, d) with one call
        NDList inputs = channels.transpose().expandDims(2).mul(inputRow).split(length, 0);
        NDArray state = initial == null
                ? inputs.get(0)
                : initial.reshape(1, batch * memoryD, order).matMul(stateT).add(inputs.get(0)); // m_0 = Ā m_{−1} + B̄ u_0
        NDList states = sequences ? new NDList(length) : null;
        for (int t = 0; ; t++) {
            if (sequences) {
                states.add(state);
            }
            if (t + 1 == length) {
                break;
            }
            state = state.matMul(stateT).add(inputs.get(t + 1)); // m_t = m_{t−1} Āᵀ + u_t B̄ᵀ
        }
        if (!sequences) {
            return state.reshape(batch, (long) memoryD * order); // (B, C·d)
        }
        return Concat.inGraph(states, 0) // (L, B·C, d)
                .reshape(length, batch, memoryD, order)
                .transpose(1, 0, 2, 3)
                .reshape(batch, length, (long) memoryD * order); // (B, L, C·d)
    }

    /**
     * Returns the impulse response H (eq. 23), for computations that fold it into other linear maps. It comes
     * from the same cache and system as every mode; with a learned θ it depends on θ in the graph. Do not close it.
     *
     * @param parameterStore the parameter store, for a learned θ
     * @param length L
     * @param like an array whose data type, device and manager H must have
     * @param training whether gradients are wanted
     * @return H, (d, L)
     */
    NDArray impulseResponse(ParameterStore parameterStore, int length, NDArray like, boolean training) {
        return kernels(parameterStore, like, training).get(LtiKernels.Kind.IMPULSE_RESPONSE, length, like);
    }

    /**
     * Returns the zero state for a batch, (B, memoryD·d), like {@code like} in data type and device.
     *
     * @param like an array in the manager, data type and device wanted
     * @param batch the batch size B
     * @return zeros of shape (B, memoryD·d)
     */
    public NDArray initialState(NDArray like, long batch) {
        return like.getManager()
                .zeros(new Shape(batch, (long) memoryD * order), like.getDataType(), like.getDevice());
    }

    /**
     * Advances the memory by one input step (eq. 19), at O(1) cost in the sequence length.
     *
     * @param state the current state, (B, memoryD·d)
     * @param input the input at this step, (B, memoryD)
     * @return the next state, (B, memoryD·d)
     */
    public NDArray step(NDArray state, NDArray input) {
        Shape inputShape = input.getShape();
        if (inputShape.dimension() != 2 || inputShape.get(1) != memoryD) {
            throw new IllegalArgumentException(
                    "LegendreMemory.step expects an input of shape (batch, " + memoryD + "), got " + inputShape);
        }
        long batch = inputShape.get(0);
        if (!state.getShape().equals(new Shape(batch, (long) memoryD * order))) {
            throw new IllegalArgumentException(
                    "LegendreMemory.step expects a state of shape " + new Shape(batch, (long) memoryD * order)
                            + ", got " + state.getShape());
        }
        LtiKernels constants = currentKernels(); // inference: no gradient reaches a learned θ here
        NDArray stateT = constants.get(LtiKernels.Kind.STATE_TRANSPOSED, 0, state); // (d, d)
        NDArray inputRow = constants.get(LtiKernels.Kind.INPUT_ROW, 0, state); // (d)
        if (memoryD == 1) {
            return state.matMul(stateT).add(input.mul(inputRow)); // (B, d): m Āᵀ + u B̄ᵀ
        }
        try (NDManager scope = NDManager.subManagerOf(state)) {
            scope.tempAttachAll(state, input);
            NDArray next =
                    state.reshape(batch * memoryD, order)
                            .matMul(stateT)
                            .add(input.reshape(batch * memoryD, 1).mul(inputRow)) // (B·C, d)
                            .reshape(batch, (long) memoryD * order);
            return scope.ret(next);
        }
    }

    private void checkInput(Shape shape) {
        if (shape.dimension() != 3) {
            throw new IllegalArgumentException(
                    "LegendreMemory expects input of shape (batch, time, " + memoryD + "), got rank "
                            + shape.dimension() + " shape " + shape);
        }
        if (shape.get(2) != memoryD) {
            throw new IllegalArgumentException(
                    "LegendreMemory has memoryD " + memoryD + " but the input has " + shape.get(2)
                            + " channels (shape " + shape + ")");
        }
        if (shape.get(1) < 1) {
            throw new IllegalArgumentException("LegendreMemory needs at least one time step, got shape " + shape);
        }
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        checkInput(in);
        long stateSize = (long) memoryD * order;
        return new Shape[] {returnSequences ? new Shape(in.get(0), in.get(1), stateSize) : new Shape(in.get(0), stateSize)};
    }

    /** {@inheritDoc} */
    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        super.saveMetadata(os);
        os.writeInt(order);
        os.writeDouble(theta);
        os.writeUTF(discretizer.name());
        os.writeInt(memoryD);
        os.writeBoolean(trainableTheta != null);
    }

    /** {@inheritDoc} */
    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion < 1 || loadVersion > VERSION) {
            throw new MalformedModelException(
                    "Unsupported LegendreMemory version " + loadVersion + "; this build reads versions 1 to " + VERSION);
        }
        readInputShapes(is);
        int savedOrder = is.readInt();
        double savedTheta = is.readDouble();
        String savedDiscretizer = is.readUTF();
        int savedMemoryD = is.readInt();
        boolean savedTrainable = loadVersion >= 2 && is.readBoolean(); // version 1 had no learned θ
        String saved = describe(savedOrder, savedTheta, savedDiscretizer, savedMemoryD, savedTrainable);
        String expected = describe(order, theta, discretizer.name(), memoryD, trainableTheta != null);
        if (!saved.equals(expected)) {
            throw new MalformedModelException(
                    "LegendreMemory was saved as " + saved + " but this block is " + expected);
        }
    }

    private static String describe(int order, double theta, String discretizer, int memoryD, boolean trainable) {
        return String.format(
                Locale.ROOT, "(order %d, theta %s, %s, memoryD %d%s)",
                order, theta, discretizer, memoryD, trainable ? ", trainable theta" : "");
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "LegendreMemory(order=%d, theta=%s%s, %s, memoryD=%d, mode=%s, returnSequences=%s)",
                order, theta, trainableTheta != null ? " (trainable)" : "", discretizer, memoryD, mode, returnSequences);
    }

    /** Settings for {@link LegendreMemory}: order and θ are required. */
    public static final class Builder extends LegendreBuilder<Builder> {
        private int memoryD = 1;
        private MemoryMode mode = MemoryMode.AUTO;
        private DiscreteLtiSystem system;

        Builder() {}

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the number of input channels, each with its own system (eq. 21; default 1).
         *
         * @param memoryD at least 1
         * @return this builder
         */
        public Builder optMemoryD(int memoryD) {
            this.memoryD = memoryD;
            return this;
        }

        /**
         * Sets the computation mode (default AUTO).
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder optMode(MemoryMode mode) {
            this.mode = mode;
            return this;
        }

        /**
         * Uses a discrete system of the caller's instead of the Legendre system; its order must equal the
         * order set here. Such a memory cannot be rebuilt from its saved metadata alone.
         *
         * @param system the discrete system
         * @return this builder
         */
        public Builder optSystem(DiscreteLtiSystem system) {
            this.system = system;
            return this;
        }

        /**
         * Validates the settings and builds the memory.
         *
         * @return the memory
         * @throws IllegalArgumentException naming the setting and its allowed range
         */
        public LegendreMemory build() {
            if (order < 1) {
                throw new IllegalArgumentException("order must be at least 1, got " + order);
            }
            if (!(theta > 0) || Double.isInfinite(theta)) {
                throw new IllegalArgumentException("theta must be positive and finite, got " + theta);
            }
            if (memoryD < 1) {
                throw new IllegalArgumentException("memoryD must be at least 1, got " + memoryD);
            }
            if (mode == null || discretizer == null) {
                throw new IllegalArgumentException("mode and discretizer must not be null");
            }
            if (mode == MemoryMode.MATMUL && returnSequences) {
                throw new IllegalArgumentException(
                        "mode MATMUL computes only the final state (eq. 25); set optReturnSequences(false) or use"
                                + " FFT, RAW, RECURRENT or AUTO");
            }
            if (system != null && trainableTheta) {
                throw new IllegalArgumentException("a trainable θ needs the Legendre system; drop optSystem or optTrainableTheta");
            }
            if (system != null && system.order() != order) {
                throw new IllegalArgumentException(
                        "the system's order " + system.order() + " differs from the order " + order);
            }
            return new LegendreMemory(this);
        }
    }
}
