package io.parallellmu.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.parallellmu.lti.DiscreteLtiSystem;
import io.parallellmu.lti.ThetaSensitivity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The constant tensors each memory mode needs, all derived from one {@link DiscreteLtiSystem} (or from its
 * θ-derivatives, which have the same shapes and enter every kind linearly) and cached per (kind, length,
 * data type, device), so that no step or batch re-creates a constant.
 *
 * <p>The tensors live in a manager of their own, because they outlive any one forward pass; at most
 * {@value #CAPACITY} are kept and evicted ones are closed. Callers must use them only as the second
 * operand of an operation, so that results attach to the caller's manager.
 */
final class LtiKernels {

    private static final int CAPACITY = 16;

    /** The kinds of constant tensor. */
    enum Kind {
        /** Āᵀ, (d, d): right-multiplying a row state by it steps eq. 19. */
        STATE_TRANSPOSED,
        /** B̄ as a row, (d). */
        INPUT_ROW,
        /** H itself (eq. 23), (d, L). */
        IMPULSE_RESPONSE,
        /** F{H}, H zero-padded to 2L, (d, L+1) complex (eq. 26). */
        SPECTRUM,
        /** H reversed in time as a conv1d weight, (d, 1, L). */
        CONV_WEIGHT,
        /** W[j, i] = H[i, L−1−j], (L, d), so that u (·, L) · W is the final state (eq. 25). */
        FINAL_STATE_WEIGHT,
        /**
         * G[k, t·d + i] = (Ā^{t+1})[i, k], (d, L·d), so that m₀ (·, d) · G is the free response Ā^{t+1} m₀ of an
         * initial state for every t; its last d columns are (Ā^L)ᵀ. Not linear in Ā, so there is no derivative
         * kernel of it: a learned θ gets no gradient through a carried state.
         */
        FREE_RESPONSE
    }

    private record Key(Kind kind, int length, DataType dataType, Device device) {}

    /** The double-precision matrices the tensors are made from: Ā, B̄ and H, or their derivatives. */
    private record Source(
            Supplier<double[][]> stateMatrix, Supplier<double[]> inputMatrix, IntFunction<double[][]> impulseResponse) {}

    private final DiscreteLtiSystem system;
    private final Source source;
    private final boolean derivative;
    private final Map<Key, NDArray> cache =
            new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, NDArray> eldest) {
                    if (size() > CAPACITY) {
                        eldest.getValue().close();
                        return true;
                    }
                    return false;
                }
            };
    private NDManager manager;

    LtiKernels(DiscreteLtiSystem system) {
        this(system, new Source(system::stateMatrix, system::inputMatrix, system::impulseResponse), false);
    }

    private LtiKernels(DiscreteLtiSystem system, Source source, boolean derivative) {
        this.system = Objects.requireNonNull(system);
        this.source = source;
        this.derivative = derivative;
    }

    /**
     * Returns the kernels of dX/dθ for every kind X: since each kind is linear in (Ā, B̄, H), they are made from
     * dĀ/dθ, dB̄/dθ and dH/dθ exactly as the kernels of X are made from Ā, B̄ and H.
     *
     * @param sensitivity the system at θ₀ and its derivatives there
     * @return the derivative kernels
     */
    static LtiKernels derivativeOf(ThetaSensitivity sensitivity) {
        return new LtiKernels(
                sensitivity.system(),
                new Source(
                        sensitivity::stateDerivative, sensitivity::inputDerivative, sensitivity::impulseResponseDerivative),
                true);
    }

    /** Frees every cached tensor; the next {@link #get} creates them afresh. */
    synchronized void close() {
        if (manager != null) {
            manager.close();
        }
        cache.clear();
    }

    DiscreteLtiSystem system() {
        return system;
    }

    /**
     * Returns a cached constant, creating it on first use.
     *
     * @param kind which constant
     * @param length the sequence length L (ignored for the length-free kinds)
     * @param like an array whose data type and device the constant must have
     * @return the constant; do not close it
     */
    synchronized NDArray get(Kind kind, int length, NDArray like) {
        boolean lengthFree = kind == Kind.STATE_TRANSPOSED || kind == Kind.INPUT_ROW;
        Key key = new Key(kind, lengthFree ? 0 : length, like.getDataType(), like.getDevice());
        NDArray cached = cache.get(key);
        if (cached != null && !cached.isReleased()) {
            return cached;
        }
        if (manager == null || !manager.isOpen()) {
            manager = NDManager.newBaseManager();
            cache.clear();
        }
        NDArray created = create(kind, length, key.dataType(), key.device());
        cache.put(key, created);
        return created;
    }

    private NDArray create(Kind kind, int length, DataType dataType, Device device) {
        int d = system.order();
        // every kind below is linear in (Ā, B̄, H), which is what lets derivative kernels reuse it
        switch (kind) {
            case STATE_TRANSPOSED:
                return constant(flatten(transpose(source.stateMatrix().get())), new Shape(d, d), dataType, device);
            case INPUT_ROW:
                return constant(source.inputMatrix().get(), new Shape(d), dataType, device);
            case IMPULSE_RESPONSE:
                return constant(flatten(source.impulseResponse().apply(length)), new Shape(d, length), dataType, device);
            case CONV_WEIGHT:
                return constant(flatten(reversedInTime(length)), new Shape(d, 1, length), dataType, device);
            case FINAL_STATE_WEIGHT:
                return constant(
                        flatten(transpose(reversedInTime(length))), new Shape(length, d), dataType, device);
            case FREE_RESPONSE:
                if (derivative) {
                    throw new IllegalStateException("the free response is not linear in Ā: it has no derivative kernel");
                }
                return constant(freeResponse(length), new Shape(d, (long) length * d), dataType, device);
            case SPECTRUM:
                NDArray response =
                        constant(flatten(source.impulseResponse().apply(length)), new Shape(d, length), dataType, device);
                // eq. 26: F{H}, zero-padded to 2L
                NDArray spectrum = CausalConvolution.spectrum(response, length); // (d, L+1) complex
                response.close();
                return spectrum;
            default:
                throw new IllegalStateException("unknown kernel kind " + kind);
        }
    }

    /** Creates a constant from {@code double} values, converted once to the data type and device. */
    private NDArray constant(double[] values, Shape shape, DataType dataType, Device device) {
        NDArray doubles = manager.create(values, shape);
        NDArray typed = doubles.toType(dataType, false);
        NDArray placed = typed.toDevice(device, false);
        if (typed != doubles) {
            doubles.close();
        }
        if (placed != typed) {
            typed.close();
        }
        return placed;
    }

    /** G[k][t·d + i] = (Ā^{t+1})[i][k], flattened row-major. */
    private double[] freeResponse(int length) {
        int d = system.order();
        double[][][] powers = system.statePowers(length);
        double[] g = new double[d * length * d];
        for (int t = 0; t < length; t++) {
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < d; k++) {
                    g[k * length * d + t * d + i] = powers[t][i][k];
                }
            }
        }
        return g;
    }

    private double[][] reversedInTime(int length) {
        double[][] h = source.impulseResponse().apply(length);
        double[][] reversed = new double[h.length][length];
        for (int i = 0; i < h.length; i++) {
            for (int t = 0; t < length; t++) {
                reversed[i][t] = h[i][length - 1 - t];
            }
        }
        return reversed;
    }

    private static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    private static double[] flatten(double[][] m) {
        int cols = m[0].length;
        double[] flat = new double[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, flat, i * cols, cols);
        }
        return flat;
    }
}
