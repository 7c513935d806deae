package io.parallellmu.lti;

/**
 * The Legendre delay system of Voelker, Kajić and Eliasmith (NeurIPS 2019), whose state holds the window
 * u(t−θ′), 0 ≤ θ′ ≤ θ, in shifted Legendre polynomials.
 *
 * <p>With i, j in 0..d−1 and θ in time steps (dt = 1):
 *
 * <pre>
 *   A_ij = (2i+1)/θ · (−1 if i &lt; j, else (−1)^(i−j+1))
 *   B_i  = (2i+1)(−1)^i / θ
 * </pre>
 */
public final class LegendreSystem {

    private LegendreSystem() {}

    /**
     * Builds the continuous system for an order and window.
     *
     * @param order the state dimension d, at least 1
     * @param theta the window length θ in time steps, positive and finite
     * @return A and B, already divided by θ
     * @throws IllegalArgumentException if order &lt; 1 or θ is not positive
     */
    public static ContinuousLtiSystem of(int order, double theta) {
        if (order < 1) {
            throw new IllegalArgumentException("order must be at least 1, got " + order);
        }
        if (!(theta > 0) || Double.isInfinite(theta)) {
            throw new IllegalArgumentException("theta must be positive and finite, got " + theta);
        }
        double[][] a = new double[order][order];
        double[] b = new double[order];
        for (int i = 0; i < order; i++) {
            double scale = (2 * i + 1) / theta;
            for (int j = 0; j < order; j++) {
                double sign = i < j ? -1 : ((i - j + 1) % 2 == 0 ? 1 : -1);
                a[i][j] = scale * sign;
            }
            b[i] = scale * (i % 2 == 0 ? 1 : -1);
        }
        return new ContinuousLtiSystem(a, b);
    }
}
