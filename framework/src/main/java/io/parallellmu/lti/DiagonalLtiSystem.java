package io.parallellmu.lti;

/**
 * A complex diagonal discrete system x_t = Λ x_{t−1} + B̄ u_t with P modes, as in S4D (Gu, Gupta, Goel and Ré,
 * "On the Parameterization and Initialization of Diagonal State Space Models", NeurIPS 2022), written as a real
 * system of order 2P: mode n holds (Re x_n, Im x_n), and Ā is block-diagonal with the 2×2 blocks
 * [[Re λ_n, −Im λ_n], [Im λ_n, Re λ_n]]. Its impulse response is the Vandermonde product H[:, t] = Λ^t B̄.
 *
 * <p>The read-out y_t = 2 Re(Σ_n C_n x_n) is not part of this interface, as the LMU's W_m is not part of the
 * Legendre system; {@link #output} applies it for references and tests.
 */
public final class DiagonalLtiSystem implements DiscreteLtiSystem {

    private final double[] lambdaRe;
    private final double[] lambdaIm;
    private final double[] inputRe;
    private final double[] inputIm;

    private DiagonalLtiSystem(double[] lambdaRe, double[] lambdaIm, double[] inputRe, double[] inputIm) {
        this.lambdaRe = lambdaRe;
        this.lambdaIm = lambdaIm;
        this.inputRe = inputRe;
        this.inputIm = inputIm;
    }

    /**
     * Returns the S4D-Lin initialisation of the continuous state matrix: A_n = −1/2 + iπn for n = 0..P−1.
     *
     * @param modes P
     * @return {re, im}, each of length P
     */
    public static double[][] s4dLin(int modes) {
        if (modes < 1) {
            throw new IllegalArgumentException("the number of modes must be at least 1, got " + modes);
        }
        double[] re = new double[modes];
        double[] im = new double[modes];
        for (int n = 0; n < modes; n++) {
            re[n] = -0.5;
            im[n] = Math.PI * n;
        }
        return new double[][] {re, im};
    }

    /**
     * Discretises dx/dt = A x + B u by zero-order hold with step Δ, mode by mode: Λ = e^{ΔA},
     * B̄ = (e^{ΔA} − 1)/A · B.
     *
     * @param dt the step Δ, positive
     * @param a the continuous diagonal {re, im}, each of length P; Re A must be negative
     * @param b the continuous input {re, im}, each of length P
     * @return the discrete system
     */
    public static DiagonalLtiSystem zoh(double dt, double[][] a, double[][] b) {
        int modes = a[0].length;
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("the step must be positive and finite, got " + dt);
        }
        if (a[1].length != modes || b[0].length != modes || b[1].length != modes) {
            throw new IllegalArgumentException("A and B must each have " + modes + " real and imaginary parts");
        }
        double[] lr = new double[modes];
        double[] li = new double[modes];
        double[] br = new double[modes];
        double[] bi = new double[modes];
        for (int n = 0; n < modes; n++) {
            if (!(a[0][n] < 0)) {
                throw new IllegalArgumentException("Re A must be negative for a stable system, got " + a[0][n] + " at mode " + n);
            }
            double magnitude = Math.exp(dt * a[0][n]);
            lr[n] = magnitude * Math.cos(dt * a[1][n]);
            li[n] = magnitude * Math.sin(dt * a[1][n]);
            double norm = a[0][n] * a[0][n] + a[1][n] * a[1][n];
            double qr = ((lr[n] - 1) * a[0][n] + li[n] * a[1][n]) / norm; // (Λ − 1)/A
            double qi = (li[n] * a[0][n] - (lr[n] - 1) * a[1][n]) / norm;
            br[n] = qr * b[0][n] - qi * b[1][n];
            bi[n] = qr * b[1][n] + qi * b[0][n];
        }
        return new DiagonalLtiSystem(lr, li, br, bi);
    }

    /** {@inheritDoc} */
    @Override
    public int order() {
        return 2 * lambdaRe.length;
    }

    /** {@inheritDoc} */
    @Override
    public double[][] stateMatrix() {
        int d = order();
        double[][] a = new double[d][d];
        for (int n = 0; n < lambdaRe.length; n++) {
            a[2 * n][2 * n] = lambdaRe[n];
            a[2 * n][2 * n + 1] = -lambdaIm[n];
            a[2 * n + 1][2 * n] = lambdaIm[n];
            a[2 * n + 1][2 * n + 1] = lambdaRe[n];
        }
        return a;
    }

    /** {@inheritDoc} */
    @Override
    public double[] inputMatrix() {
        double[] b = new double[order()];
        for (int n = 0; n < lambdaRe.length; n++) {
            b[2 * n] = inputRe[n];
            b[2 * n + 1] = inputIm[n];
        }
        return b;
    }

    /** {@inheritDoc} Computed mode by mode as the Vandermonde product λ_n^t B̄_n, not by stepping. */
    @Override
    public double[][] impulseResponse(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("impulse response length must be at least 1, got " + length);
        }
        double[][] h = new double[order()][length];
        for (int n = 0; n < lambdaRe.length; n++) {
            double modulus = Math.hypot(lambdaRe[n], lambdaIm[n]);
            double angle = Math.atan2(lambdaIm[n], lambdaRe[n]);
            for (int t = 0; t < length; t++) {
                double pr = Math.pow(modulus, t) * Math.cos(angle * t); // λ^t
                double pi = Math.pow(modulus, t) * Math.sin(angle * t);
                h[2 * n][t] = pr * inputRe[n] - pi * inputIm[n];
                h[2 * n + 1][t] = pr * inputIm[n] + pi * inputRe[n];
            }
        }
        return h;
    }

    /**
     * Applies the S4D read-out y = 2 Re(Σ_n C_n x_n) to a real-form state.
     *
     * @param c {re, im}, each of length P
     * @param state the state in this system's real form, length 2P
     * @return y
     */
    public static double output(double[][] c, double[] state) {
        double y = 0;
        for (int n = 0; n < c[0].length; n++) {
            y += 2 * (c[0][n] * state[2 * n] - c[1][n] * state[2 * n + 1]);
        }
        return y;
    }
}
