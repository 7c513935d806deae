package io.parallellmu.lti;

/** Turns a continuous LTI system into a discrete one with time step dt = 1. */
public enum Discretizer {
    /**
     * Zero-order hold: Ā = e^A, B̄ = A⁻¹(e^A − I)B, both read off the exponential of the augmented matrix
     * [[A, B], [0, 0]], as {@code scipy.signal.cont2discrete(method="zoh")} does.
     */
    ZOH {
        @Override
        public DiscreteLtiSystem discretize(ContinuousLtiSystem system) {
            int d = system.order();
            double[][] augmented = new double[d + 1][d + 1];
            for (int i = 0; i < d; i++) {
                System.arraycopy(system.a()[i], 0, augmented[i], 0, d);
                augmented[i][d] = system.b()[i];
            }
            double[][] exp = MatrixExponential.expm(augmented);
            double[][] a = new double[d][d];
            double[] b = new double[d];
            for (int i = 0; i < d; i++) {
                System.arraycopy(exp[i], 0, a[i], 0, d);
                b[i] = exp[i][d];
            }
            return new DenseLtiSystem(a, b);
        }
    },
    /** Forward Euler: Ā = I + A, B̄ = B. Accurate only when θ is large against the order (θ &gt; 4·order). */
    EULER {
        @Override
        public DiscreteLtiSystem discretize(ContinuousLtiSystem system) {
            return new DenseLtiSystem(Matrices.addIdentity(system.a(), 1), system.b());
        }
    };

    /**
     * Discretises a continuous system with dt = 1.
     *
     * @param system the continuous system
     * @return the discrete system
     */
    public abstract DiscreteLtiSystem discretize(ContinuousLtiSystem system);

    /**
     * Discretises the Legendre system of an order and window.
     *
     * @param order the state dimension d
     * @param theta the window θ in time steps
     * @return the discrete Legendre system
     */
    public DiscreteLtiSystem legendre(int order, double theta) {
        return discretize(LegendreSystem.of(order, theta));
    }
}
