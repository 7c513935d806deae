package io.parallellmu.nn;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import io.parallellmu.lti.DiagonalLtiSystem;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * A complex diagonal state-space layer in the S4D style (Gu, Gupta, Goel and Ré, NeurIPS 2022): each of the H
 * input channels drives its own system of P = N/2 complex modes,
 *
 * <pre>
 *   x_t = Λ x_{t−1} + B̄ u_t,   y_t = 2 Re(C x_t) + D u_t,   Λ = e^{ΔA},   B̄ = (e^{ΔA} − 1)/A · B   (ZOH)
 * </pre>
 *
 * with A initialised S4D-Lin (A_n = −1/2 + iπn, learned as log(−Re A) and Im A), a learned step Δ per channel
 * (log Δ uniform in [log 0.001, log 0.1] at initialisation), learned complex B (initially 1) and C (initially
 * complex normal of unit variance) and a learned D. The whole-sequence convolution kernel is the Vandermonde
 * product K[t] = 2 Re(Σ_n C_n B̄_n λ_n^t), computed for the actual L. DJL has no complex operations to rely on,
 * so every complex quantity is a pair of real tensors.
 *
 * <p>Input (B, L, H); output (B, L, H), or (B, H) for the last step. The same {@link MemoryMode}s as the Legendre
 * memory: FFT and RAW convolve with K, MATMUL computes the last output as one batched product with K reversed
 * in time, RECURRENT steps the system, and {@link #step} advances a state by one input for streaming.
 * {@link #system} and {@link #readout} give one channel's system in {@code double}, for references. While
 * {@link CarriedStates} are active, a window starts from the state the layer left after the previous one.
 */
public class DiagonalSsm extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int modes;
    private final double dtMin;
    private final double dtMax;
    private final MemoryMode mode;
    private final boolean returnSequences;
    private final AutoModeChooser chooser;
    private int channels = -1;

    private final Parameter logDt;
    private final Parameter logNegRealA;
    private final Parameter imagA;
    private final Parameter realB;
    private final Parameter imagB;
    private final Parameter realC;
    private final Parameter imagC;
    private final Parameter skip;

    /**
     * Creates the layer from its builder.
     *
     * @param builder the validated settings
     */
    protected DiagonalSsm(Builder builder) {
        super(VERSION);
        modes = builder.stateSize / 2;
        dtMin = builder.dtMin;
        dtMax = builder.dtMax;
        mode = builder.mode;
        returnSequences = builder.returnSequences;
        chooser = new AutoModeChooser("diagonal-ssm N=" + builder.stateSize);
        double[][] lin = DiagonalLtiSystem.s4dLin(modes);
        logDt = addParameter(parameter("logDt", (m, s, t) -> m.randomUniform(
                (float) Math.log(dtMin), (float) Math.log(dtMax), s, t)));
        logNegRealA = addParameter(parameter("logNegRealA", fromModes(lin[0], true)));
        imagA = addParameter(parameter("imagA", fromModes(lin[1], false)));
        realB = addParameter(parameter("realB", (m, s, t) -> m.ones(s, t)));
        imagB = addParameter(parameter("imagB", (m, s, t) -> m.zeros(s, t)));
        realC = addParameter(parameter("realC", (m, s, t) -> m.randomNormal(0, (float) Math.sqrt(0.5), s, t)));
        imagC = addParameter(parameter("imagC", (m, s, t) -> m.randomNormal(0, (float) Math.sqrt(0.5), s, t)));
        skip = addParameter(parameter("d", (m, s, t) -> m.randomNormal(0, 1, s, t)));
    }

    private static Parameter parameter(String name, Initializer initializer) {
        return Parameter.builder().setName(name).setType(Parameter.Type.OTHER).optInitializer(initializer).build();
    }

    /** Repeats a per-mode initial value over the channels: (H, P); for Re A, stores log(−Re A). */
    private static Initializer fromModes(double[] values, boolean logOfNegative) {
        return (manager, shape, dataType) -> {
            double[] perMode = values.clone();
            if (logOfNegative) {
                for (int n = 0; n < perMode.length; n++) {
                    perMode[n] = Math.log(-perMode[n]);
                }
            }
            return manager.create(perMode).toType(dataType, false).broadcast(shape).duplicate();
        };
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
     * Returns the configured mode, which may be {@link MemoryMode#AUTO}.
     *
     * @return the mode
     */
    public MemoryMode getMode() {
        return mode;
    }

    /**
     * Returns the number of complex modes P per channel (the state size N is 2P).
     *
     * @return P
     */
    public int getModes() {
        return modes;
    }

    /**
     * Returns the mode that ran for inputs of a shape, without measuring anything.
     *
     * @param shape an input shape, (B, L, H)
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
    protected void prepare(Shape[] inputShapes) {
        checkInput(inputShapes[0]);
        channels = Math.toIntExact(inputShapes[0].get(2));
        logDt.setShape(new Shape(channels, 1));
        for (Parameter p : new Parameter[] {logNegRealA, imagA, realB, imagB, realC, imagC}) {
            p.setShape(new Shape(channels, modes));
        }
        skip.setShape(new Shape(channels));
    }

    /** The discretised system of every channel, in the autograd graph: each complex value as (re, im), (H, P). */
    private record Discrete(NDArray zRe, NDArray zIm, NDArray lambdaRe, NDArray lambdaIm, NDArray inputRe,
            NDArray inputIm, NDArray outRe, NDArray outIm, NDArray skip) {}

    /** Reads the parameters and discretises by ZOH, mode by mode; every array attaches to {@code scope}. */
    private Discrete discretize(ParameterStore store, NDManager scope, Device device, boolean training) {
        NDArray[] p = new NDArray[8];
        Parameter[] all = {logDt, logNegRealA, imagA, realB, imagB, realC, imagC, skip};
        for (int i = 0; i < all.length; i++) {
            p[i] = store.getValue(all[i], device, training);
            scope.tempAttachAll(p[i]);
        }
        NDArray dt = p[0].exp(); // Δ: (H, 1)
        NDArray aRe = p[1].exp().neg(); // Re A < 0: (H, P)
        NDArray aIm = p[2];
        NDArray zRe = aRe.mul(dt); // ΔA
        NDArray zIm = aIm.mul(dt);
        NDArray magnitude = zRe.exp();
        NDArray lambdaRe = magnitude.mul(zIm.cos()); // Λ = e^{ΔA}
        NDArray lambdaIm = magnitude.mul(zIm.sin());
        NDArray norm = aRe.square().add(aIm.square());
        NDArray numRe = lambdaRe.sub(1);
        NDArray qRe = numRe.mul(aRe).add(lambdaIm.mul(aIm)).div(norm); // (Λ − 1)/A
        NDArray qIm = lambdaIm.mul(aRe).sub(numRe.mul(aIm)).div(norm);
        NDArray inputRe = qRe.mul(p[3]).sub(qIm.mul(p[4])); // B̄ = (Λ − 1)/A · B
        NDArray inputIm = qRe.mul(p[4]).add(qIm.mul(p[3]));
        return new Discrete(zRe, zIm, lambdaRe, lambdaIm, inputRe, inputIm, p[5], p[6], p[7]);
    }

    /**
     * The convolution kernel K[h, t] = 2 Re(Σ_n C_n B̄_n λ_n^t), with λ^t = e^{tΔA} as a Vandermonde matrix per
     * channel; (H, L).
     */
    private static NDArray kernel(Discrete s, int length) {
        NDList power = powers(s, 0, length); // λ^t: (H, P, L) each
        NDArray powerRe = power.get(0);
        NDArray powerIm = power.get(1);
        NDArray coefRe = s.outRe().mul(s.inputRe()).sub(s.outIm().mul(s.inputIm())); // C B̄: (H, P)
        NDArray coefIm = s.outRe().mul(s.inputIm()).add(s.outIm().mul(s.inputRe()));
        NDArray re = coefRe.expandDims(1).matMul(powerRe).sub(coefIm.expandDims(1).matMul(powerIm)); // (H, 1, L)
        return Scalars.times(re.squeeze(1), 2f);
    }

    /** λ^t = e^{tΔA} for t = first..first+length−1, as a Vandermonde matrix per channel: [re, im], (H, P, L) each. */
    private static NDList powers(Discrete s, int first, int length) {
        NDArray t = s.zRe().getManager()
                .arange((float) first, (float) (first + length), 1f, s.zRe().getDataType(), s.zRe().getDevice()); // (L)
        NDArray decay = s.zRe().expandDims(2).mul(t).exp(); // |λ|^t: (H, P, L)
        NDArray angle = s.zIm().expandDims(2).mul(t);
        return new NDList(decay.mul(angle.cos()), decay.mul(angle.sin()));
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray u = inputs.singletonOrThrow(); // (B, L, H)
        Optional<CarriedStates> carried = CarriedStates.active();
        if (carried.isPresent()) {
            NDList before = carried.get().before(this);
            NDList out = forwardFrom(parameterStore, u, before == null ? null : before.head(), training);
            carried.get().after(this, new NDList(out.get(1)));
            return new NDList(out.get(0));
        }
        checkInput(u.getShape());
        try (NDManager scope = NDManager.subManagerOf(u)) {
            scope.tempAttachAll(u);
            Discrete s = discretize(parameterStore, scope, u.getDevice(), training);
            MemoryMode resolved = resolveMode(u, s);
            return new NDList(scope.ret(compute(u, s, resolved, returnSequences)));
        }
    }

    /**
     * Computes a window that starts from a given state rather than zero, in the configured mode, and returns the
     * state after it: with x_{−1} given, x_t = Σ_{j ≤ t} λ^{t−j} B̄ u_j + λ^{t+1} x_{−1}. RECURRENT steps on from
     * x_{−1}; the other modes add the free response 2 Re(C λ^{t+1} x_{−1}) to the output and compute the last state
     * from the same powers of λ. Running two windows with the state carried equals one forward over both.
     *
     * @param parameterStore the parameter store
     * @param u the window's input, (B, L, H)
     * @param initialState x_{−1} in {@link #step}'s layout, (B, 2·H·P), or {@code null} for zero
     * @param training whether gradients are wanted
     * @return {@code [output (as forward), x_{L−1} (B, 2·H·P)]}
     */
    public NDList forwardFrom(ParameterStore parameterStore, NDArray u, NDArray initialState, boolean training) {
        checkInput(u.getShape());
        long batch = u.getShape().get(0);
        try (NDManager scope = NDManager.subManagerOf(u)) {
            scope.tempAttachAll(u);
            NDArray initial = initialState == null ? initialState(u, batch) : initialState;
            scope.tempAttachAll(initial);
            Discrete s = discretize(parameterStore, scope, u.getDevice(), training);
            MemoryMode resolved = resolveMode(u, s);
            NDArray x = initial.reshape(batch, 2, channels, modes);
            NDArray xRe = x.get(new NDIndex(":, 0")); // (B, H, P)
            NDArray xIm = x.get(new NDIndex(":, 1"));
            NDList out = resolved == MemoryMode.RECURRENT
                    ? recurrent(u, s, returnSequences, xRe, xIm)
                    : new NDList(compute(u, s, resolved, returnSequences).add(freeOutput(s, xRe, xIm, u, returnSequences)),
                            lastState(s, u, xRe, xIm));
            return new NDList(scope.ret(out.get(0)), scope.ret(out.get(1)));
        }
    }

    /** The free response 2 Re(Σ_n C_n λ_n^{t+1} x_{−1,n}) per channel: (B, L, H), or (B, H) for the last step. */
    private static NDArray freeOutput(Discrete s, NDArray xRe, NDArray xIm, NDArray u, boolean sequences) {
        int length = Math.toIntExact(u.getShape().get(1));
        NDList power = powers(s, 1, length); // λ^{t+1}: (H, P, L)
        NDArray cxRe = xRe.mul(s.outRe()).sub(xIm.mul(s.outIm())).transpose(1, 0, 2); // C x: (H, B, P)
        NDArray cxIm = xIm.mul(s.outRe()).add(xRe.mul(s.outIm())).transpose(1, 0, 2);
        NDArray re = cxRe.matMul(power.get(0)).sub(cxIm.matMul(power.get(1))); // (H, B, L)
        NDArray y = Scalars.times(re, 2f).transpose(1, 2, 0); // (B, L, H)
        return sequences ? y : y.get(new NDIndex(":, -1"));
    }

    /** x_{L−1} = λ^L x_{−1} + Σ_j λ^{L−1−j} B̄ u_j in {@link #step}'s layout, (B, 2·H·P). */
    private NDArray lastState(Discrete s, NDArray u, NDArray xRe, NDArray xIm) {
        long batch = u.getShape().get(0);
        int length = Math.toIntExact(u.getShape().get(1));
        NDList power = powers(s, 0, length + 1); // λ^0..λ^L: (H, P, L+1)
        NDIndex reversed = new NDIndex("..., :{}", length);
        NDArray uT = u.transpose(2, 0, 1); // (H, B, L)
        // Σ_j u_j λ^{L−1−j}: (H, B, L) × (H, L, P), with λ^t reversed in time
        NDArray sumRe = uT.matMul(power.get(0).get(reversed).flip(2).transpose(0, 2, 1)); // (H, B, P)
        NDArray sumIm = uT.matMul(power.get(1).get(reversed).flip(2).transpose(0, 2, 1));
        NDArray inRe = s.inputRe().expandDims(1); // B̄: (H, 1, P)
        NDArray inIm = s.inputIm().expandDims(1);
        NDArray driveRe = sumRe.mul(inRe).sub(sumIm.mul(inIm)).transpose(1, 0, 2); // (B, H, P)
        NDArray driveIm = sumRe.mul(inIm).add(sumIm.mul(inRe)).transpose(1, 0, 2);
        NDIndex last = new NDIndex("..., -1");
        NDArray lambdaRe = power.get(0).get(last); // λ^L: (H, P)
        NDArray lambdaIm = power.get(1).get(last);
        NDArray nextRe = xRe.mul(lambdaRe).sub(xIm.mul(lambdaIm)).add(driveRe);
        NDArray nextIm = xIm.mul(lambdaRe).add(xRe.mul(lambdaIm)).add(driveIm);
        return NDArrays.stack(new NDList(nextRe, nextIm), 1).reshape(batch, 2L * channels * modes);
    }

    private MemoryMode resolveMode(NDArray u, Discrete s) {
        if (mode != MemoryMode.AUTO) {
            return mode;
        }
        if (!returnSequences) {
            return MemoryMode.MATMUL;
        }
        return chooser.choose(u, (probe, candidate) -> compute(probe, s, candidate, true));
    }

    /** Computes the output in a concrete mode: (B, L, H), or (B, H) for the last step. */
    private NDArray compute(NDArray u, Discrete s, MemoryMode computeMode, boolean sequences) {
        int length = Math.toIntExact(u.getShape().get(1));
        NDArray uT = u.transpose(0, 2, 1); // (B, H, L)
        NDArray convolved; // (B, H, L) without the D u term
        switch (computeMode) {
            case MATMUL:
                if (sequences) {
                    throw new IllegalStateException("MATMUL computes only the last output");
                }
                // y_{L−1} = Σ_j K[L−1−j] u_j per channel: (H, B, L) × (H, L, 1)
                NDArray reversed = kernel(s, length).flip(1).expandDims(2);
                NDArray last = uT.transpose(1, 0, 2).matMul(reversed).squeeze(2).transpose(); // (B, H)
                return last.add(s.skip().mul(u.get(new NDIndex(":, -1"))));
            case FFT:
            case RAW:
                convolved = CausalConvolution.depthwise(uT, kernel(s, length), computeMode); // (B, H, L)
                break;
            case RECURRENT:
                return recurrent(u, s, sequences, null, null).head();
            default:
                throw new IllegalArgumentException("not a concrete mode: " + computeMode);
        }
        NDArray y = convolved.transpose(0, 2, 1).add(u.mul(s.skip())); // (B, L, H)
        return sequences ? y : y.get(new NDIndex(":, -1"));
    }

    /**
     * Steps x_t = Λ x_{t−1} + B̄ u_t from x_{−1} (zero if null); the read-out is applied to all states at once.
     *
     * @return {@code [y (B, L, H) or (B, H), x_{L−1} (B, 2·H·P)]}
     */
    private NDList recurrent(NDArray u, Discrete s, boolean sequences, NDArray initialRe, NDArray initialIm) {
        int length = Math.toIntExact(u.getShape().get(1));
        NDArray drive = u.expandDims(3); // (B, L, H, 1)
        NDList inRe = drive.mul(s.inputRe()).split(length, 1); // B̄ u_t: L × (B, 1, H, P)
        NDList inIm = drive.mul(s.inputIm()).split(length, 1);
        NDArray xRe = inRe.get(0);
        NDArray xIm = inIm.get(0);
        if (initialRe != null) {
            NDArray re = initialRe.expandDims(1); // (B, 1, H, P)
            NDArray im = initialIm.expandDims(1);
            xRe = re.mul(s.lambdaRe()).sub(im.mul(s.lambdaIm())).add(xRe);
            xIm = im.mul(s.lambdaRe()).add(re.mul(s.lambdaIm())).add(xIm);
        }
        NDList statesRe = new NDList(length);
        NDList statesIm = new NDList(length);
        for (int t = 0; ; t++) {
            if (sequences) {
                statesRe.add(xRe);
                statesIm.add(xIm);
            }
            if (t + 1 == length) {
                break;
            }
            NDArray nextRe = xRe.mul(s.lambdaRe()).sub(xIm.mul(s.lambdaIm())).add(inRe.get(t + 1));
            xIm = xIm.mul(s.lambdaRe()).add(xRe.mul(s.lambdaIm())).add(inIm.get(t + 1));
            xRe = nextRe;
        }
        long batch = u.getShape().get(0);
        NDArray last = NDArrays.stack(new NDList(xRe.squeeze(1), xIm.squeeze(1)), 1)
                .reshape(batch, 2L * channels * modes); // (B, 2·H·P)
        if (!sequences) {
            return new NDList(
                    readout(s, xRe, xIm).squeeze(1).add(u.get(new NDIndex(":, -1")).mul(s.skip())), last); // (B, H)
        }
        NDArray y = readout(s, Concat.inGraph(statesRe, 1), Concat.inGraph(statesIm, 1)); // (B, L, H)
        return new NDList(y.add(u.mul(s.skip())), last);
    }

    /** y = 2 Re(C x) summed over the modes: (..., H, P) states to (..., H). */
    private static NDArray readout(Discrete s, NDArray re, NDArray im) {
        return Scalars.times(re.mul(s.outRe()).sub(im.mul(s.outIm())).sum(new int[] {-1}), 2f);
    }

    /**
     * Returns the zero state for a batch, (B, 2·H·P), like {@code like} in data type and device.
     *
     * @param like an array in the manager, data type and device wanted
     * @param batch B
     * @return zeros
     */
    public NDArray initialState(NDArray like, long batch) {
        return like.getManager().zeros(new Shape(batch, 2L * channels * modes), like.getDataType(), like.getDevice());
    }

    /**
     * Advances one step for streaming inference: x_t = Λ x_{t−1} + B̄ u_t and y_t = 2 Re(C x_t) + D u_t.
     *
     * @param parameterStore the parameter store
     * @param state (B, 2·H·P): the real parts of every channel's modes, then the imaginary parts
     * @param input u_t, (B, H)
     * @return {@code [y_t (B, H), next state (B, 2·H·P)]}
     */
    public NDList step(ParameterStore parameterStore, NDArray state, NDArray input) {
        long batch = input.getShape().get(0);
        try (NDManager scope = NDManager.subManagerOf(input)) {
            scope.tempAttachAll(state, input);
            Discrete s = discretize(parameterStore, scope, input.getDevice(), false);
            NDArray x = state.reshape(batch, 2, channels, modes);
            NDArray xRe = x.get(new NDIndex(":, 0"));
            NDArray xIm = x.get(new NDIndex(":, 1"));
            NDArray drive = input.expandDims(2); // (B, H, 1)
            NDArray nextRe = xRe.mul(s.lambdaRe()).sub(xIm.mul(s.lambdaIm())).add(drive.mul(s.inputRe()));
            NDArray nextIm = xIm.mul(s.lambdaRe()).add(xRe.mul(s.lambdaIm())).add(drive.mul(s.inputIm()));
            NDArray y = readout(s, nextRe, nextIm).add(input.mul(s.skip())); // (B, H)
            NDArray next = NDArrays.stack(new NDList(nextRe, nextIm), 1).reshape(batch, 2L * channels * modes);
            return new NDList(scope.ret(y), scope.ret(next));
        }
    }

    /**
     * Returns one channel's discrete system in {@code double}, discretised from the current parameters.
     *
     * @param channel h in 0..H−1
     * @return Λ and B̄ of that channel
     */
    public DiagonalLtiSystem system(int channel) {
        double dt = Math.exp(row(logDt, channel)[0]);
        double[] negRe = row(logNegRealA, channel);
        for (int n = 0; n < negRe.length; n++) {
            negRe[n] = -Math.exp(negRe[n]);
        }
        return DiagonalLtiSystem.zoh(
                dt, new double[][] {negRe, row(imagA, channel)}, new double[][] {row(realB, channel), row(imagB, channel)});
    }

    /**
     * Returns one channel's read-out C and skip D in {@code double}.
     *
     * @param channel h in 0..H−1
     * @return {re C, im C, {D}}
     */
    public double[][] readout(int channel) {
        return new double[][] {row(realC, channel), row(imagC, channel), {skip.getArray().toType(DataType.FLOAT64, false).getDouble(channel)}};
    }

    private static double[] row(Parameter parameter, int channel) {
        return parameter.getArray().get(channel).toType(DataType.FLOAT64, false).toDoubleArray();
    }

    private void checkInput(Shape shape) {
        if (shape.dimension() != 3 || shape.get(1) < 1) {
            throw new IllegalArgumentException(
                    "DiagonalSsm expects input of shape (batch, time >= 1, channels), got " + shape);
        }
        if (channels > 0 && shape.get(2) != channels) {
            throw new IllegalArgumentException(
                    "DiagonalSsm has " + channels + " channels but the input has " + shape.get(2) + " (shape " + shape + ")");
        }
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {returnSequences ? in : new Shape(in.get(0), in.get(2))};
    }

    /** {@inheritDoc} */
    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        super.saveMetadata(os);
        os.writeInt(modes);
        os.writeInt(channels);
    }

    /** {@inheritDoc} */
    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException(
                    "Unsupported DiagonalSsm version " + loadVersion + "; this build reads version " + VERSION);
        }
        readInputShapes(is);
        int savedModes = is.readInt();
        int savedChannels = is.readInt();
        if (savedModes != modes) {
            throw new MalformedModelException(
                    "DiagonalSsm was saved with " + savedModes + " modes but this layer has " + modes);
        }
        if (channels > 0 && savedChannels != channels) {
            throw new MalformedModelException(
                    "DiagonalSsm was saved with " + savedChannels + " channels but this layer has " + channels);
        }
        channels = savedChannels; // the parameters that follow carry their own shapes
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DiagonalSsm(N=%d, channels=%d, mode=%s, returnSequences=%s)",
                2 * modes, channels, mode, returnSequences);
    }

    /** Settings for {@link DiagonalSsm}: the state size N is required. */
    public static final class Builder {
        private int stateSize = -1;
        private double dtMin = 0.001;
        private double dtMax = 0.1;
        private MemoryMode mode = MemoryMode.AUTO;
        private boolean returnSequences = true;

        Builder() {}

        /**
         * Sets the real state size N per channel, 2 per complex mode.
         *
         * @param stateSize even, at least 2
         * @return this builder
         */
        public Builder setStateSize(int stateSize) {
            this.stateSize = stateSize;
            return this;
        }

        /**
         * Sets the range from which each channel's initial Δ is drawn log-uniformly (default 0.001 to 0.1).
         *
         * @param min the smallest Δ, positive
         * @param max the largest Δ, at least min
         * @return this builder
         */
        public Builder optDtRange(double min, double max) {
            this.dtMin = min;
            this.dtMax = max;
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
         * Sets whether every step is returned (default) or only the last.
         *
         * @param returnSequences true for sequences
         * @return this builder
         */
        public Builder optReturnSequences(boolean returnSequences) {
            this.returnSequences = returnSequences;
            return this;
        }

        /**
         * Validates the settings and builds the layer.
         *
         * @return the layer
         * @throws IllegalArgumentException naming the setting and its allowed range
         */
        public DiagonalSsm build() {
            if (stateSize < 2 || stateSize % 2 != 0) {
                throw new IllegalArgumentException("stateSize must be even and at least 2, got " + stateSize);
            }
            if (!(dtMin > 0) || !(dtMax >= dtMin) || Double.isInfinite(dtMax)) {
                throw new IllegalArgumentException("the Δ range must satisfy 0 < min <= max, got " + dtMin + " to " + dtMax);
            }
            if (mode == null) {
                throw new IllegalArgumentException("mode must not be null");
            }
            if (mode == MemoryMode.MATMUL && returnSequences) {
                throw new IllegalArgumentException(
                        "mode MATMUL computes only the last output; set optReturnSequences(false) or use FFT, RAW,"
                                + " RECURRENT or AUTO");
            }
            return new DiagonalSsm(this);
        }
    }
}
