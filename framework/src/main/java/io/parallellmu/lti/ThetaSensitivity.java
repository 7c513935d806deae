package io.parallellmu.lti;

/**
 * A discrete Legendre system at one window θ₀ together with its exact derivative with respect to θ:
 * dĀ/dθ, dB̄/dθ and dH/dθ, all in {@code double} and derived from the same Ā and B̄ the recurrent mode steps.
 *
 * <p>A block that learns θ puts X(θ₀) + (θ − stopgrad θ)·dX/dθ(θ₀) into its autograd graph for each X in
 * {Ā, B̄, H}: the value is X(θ₀) exactly, and the gradient with respect to θ is exact, so every parallel mode
 * keeps the double-precision discretisation as its one source of truth.
 *
 * <p>dH/dθ follows from the product rule on eq. 23, stepped alongside H: dH₀ = dB̄, dH_{t+1} = dĀ H_t + Ā dH_t.
 */
public final class ThetaSensitivity {

    private final double theta;
    private final DiscreteLtiSystem system;
    private final double[][] a;
    private final double[][] stateDerivative;
    private final double[] inputDerivative;
    private double[][] lastResponseDerivative = new double[0][0];

    ThetaSensitivity(double theta, DiscreteLtiSystem system, double[][] stateDerivative, double[] inputDerivative) {
        this.theta = theta;
        this.system = system;
        this.a = system.stateMatrix();
        this.stateDerivative = stateDerivative;
        this.inputDerivative = inputDerivative;
    }

    /**
     * Returns θ₀, the window at which the system and its derivatives are taken.
     *
     * @return θ₀ in time steps
     */
    public double theta() {
        return theta;
    }

    /**
     * Returns the discrete system at θ₀, as {@link Discretizer#legendre} builds it.
     *
     * @return the system
     */
    public DiscreteLtiSystem system() {
        return system;
    }

    /**
     * Returns a copy of dĀ/dθ at θ₀.
     *
     * @return d×d, row-major
     */
    public double[][] stateDerivative() {
        return Matrices.copy(stateDerivative);
    }

    /**
     * Returns a copy of dB̄/dθ at θ₀.
     *
     * @return length d
     */
    public double[] inputDerivative() {
        return inputDerivative.clone();
    }

    /**
     * Returns dH/dθ at θ₀ for t = 0..length−1. The last length asked for is cached, so callers must not modify it.
     *
     * @param length the number of time steps L, at least 1
     * @return dH/dθ as {@code dh[i][t]}, d×L
     */
    public synchronized double[][] impulseResponseDerivative(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("impulse response length must be at least 1, got " + length);
        }
        if (lastResponseDerivative.length == 0 || lastResponseDerivative[0].length != length) {
            lastResponseDerivative = stepDerivative(length);
        }
        return lastResponseDerivative;
    }

    /** The product rule on H_{t+1} = Ā H_t, stepped alongside H itself. */
    private double[][] stepDerivative(int length) {
        double[][] h = system.impulseResponse(length);
        int d = inputDerivative.length;
        double[][] dh = new double[d][length];
        double[] state = inputDerivative.clone(); // dH_0 = dB̄
        double[] response = new double[d];
        for (int t = 0; t < length; t++) {
            for (int i = 0; i < d; i++) {
                dh[i][t] = state[i];
                response[i] = h[i][t];
            }
            if (t + 1 < length) {
                double[] fromState = Matrices.multiply(stateDerivative, response); // dĀ H_t
                double[] carried = Matrices.multiply(a, state); // Ā dH_t
                for (int i = 0; i < d; i++) {
                    state[i] = fromState[i] + carried[i];
                }
            }
        }
        return dh;
    }
}
