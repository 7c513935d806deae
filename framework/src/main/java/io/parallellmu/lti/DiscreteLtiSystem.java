package io.parallellmu.lti;

/**
 * A discrete single-input LTI system m_t = Ā m_{t−1} + B̄ u_t (paper eq. 19), the one source of truth
 * for every computation mode of the Legendre memory.
 *
 * <p>The recurrent mode steps Ā and B̄; the parallel modes convolve with the impulse response
 * H = [B̄, ĀB̄, Ā²B̄, …] (eq. 23) that this interface derives from the same Ā and B̄. Another linear
 * system, such as a diagonal state-space model, gets the same parallel training by implementing it.
 */
public interface DiscreteLtiSystem {

    /**
     * Returns the state dimension d.
     *
     * @return the order
     */
    int order();

    /**
     * Returns a copy of the discrete state matrix Ā.
     *
     * @return Ā, d×d, row-major
     */
    double[][] stateMatrix();

    /**
     * Returns a copy of the discrete input vector B̄.
     *
     * @return B̄, length d
     */
    double[] inputMatrix();

    /**
     * Returns the impulse response H[:, t] = Ā^t B̄ for t = 0..length−1 (eq. 23).
     *
     * <p>Implementations may cache the result; callers must not modify it.
     *
     * @param length the number of time steps L, at least 1
     * @return H as {@code h[i][t]}, d×L
     */
    double[][] impulseResponse(int length);

    /**
     * Returns the powers Ā^t for t = 1..length, the free response by which an initial state m_{−1} enters the
     * states that follow: m_t = Ā^{t+1} m_{−1} + Σ_{j ≤ t} Ā^{t−j} B̄ u_j (eq. 19 unrolled from a given state).
     *
     * @param length the number of time steps L, at least 1
     * @return {@code powers[t]} = Ā^{t+1}, each d×d, row-major
     */
    default double[][][] statePowers(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("the number of time steps must be at least 1, got " + length);
        }
        double[][] state = stateMatrix();
        double[][][] powers = new double[length][][];
        powers[0] = state;
        for (int t = 1; t < length; t++) {
            powers[t] = Matrices.multiply(state, powers[t - 1]);
        }
        return powers;
    }
}
