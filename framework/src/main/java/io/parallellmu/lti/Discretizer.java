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

        /**
         * With X = [[A, B], [0, 0]] = X₁/θ, dX/dθ = −X/θ commutes with X, so d e^X/dθ = −(1/θ) X e^X, whose top
         * block row is [A Ā, A B̄ + B]: dĀ/dθ = −A Ā/θ and dB̄/dθ = −(A B̄ + B)/θ, exactly.
         */
        @Override
        ThetaSensitivity sensitivity(ContinuousLtiSystem continuous, DiscreteLtiSystem discrete, double theta) {
            double[][] aBar = discrete.stateMatrix();
            double[][] dA = Matrices.scale(-1 / theta, Matrices.multiply(continuous.a(), aBar));
            double[] dB = Matrices.multiply(continuous.a(), discrete.inputMatrix());
            for (int i = 0; i < dB.length; i++) {
                dB[i] = -(dB[i] + continuous.b()[i]) / theta;
            }
            return new ThetaSensitivity(theta, discrete, dA, dB);
        }
    },
    /** Forward Euler: Ā = I + A, B̄ = B. Accurate only when θ is large against the order (θ &gt; 4·order). */
    EULER {
        @Override
        public DiscreteLtiSystem discretize(ContinuousLtiSystem system) {
            return new DenseLtiSystem(Matrices.addIdentity(system.a(), 1), system.b());
        }

        /** A and B are proportional to 1/θ, so dĀ/dθ = −A/θ and dB̄/dθ = −B/θ. */
        @Override
        ThetaSensitivity sensitivity(ContinuousLtiSystem continuous, DiscreteLtiSystem discrete, double theta) {
            double[] dB = continuous.b().clone();
            for (int i = 0; i < dB.length; i++) {
                dB[i] = -dB[i] / theta;
            }
            return new ThetaSensitivity(theta, discrete, Matrices.scale(-1 / theta, continuous.a()), dB);
        }
    };

    /**
     * Discretises a continuous system with dt = 1.
     *
     * @param system the continuous system
     * @return the discrete system
     */
    public abstract DiscreteLtiSystem discretize(ContinuousLtiSystem system);

    /** Returns the exact θ-derivatives of the Legendre system {@code discrete} = discretize({@code continuous}). */
    abstract ThetaSensitivity sensitivity(ContinuousLtiSystem continuous, DiscreteLtiSystem discrete, double theta);

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

    /**
     * Discretises the Legendre system of an order and window together with its exact derivatives with respect
     * to θ, for blocks that learn θ.
     *
     * @param order the state dimension d
     * @param theta the window θ₀ in time steps
     * @return the discrete system at θ₀ and dĀ/dθ, dB̄/dθ, dH/dθ there
     */
    public ThetaSensitivity legendreSensitivity(int order, double theta) {
        ContinuousLtiSystem continuous = LegendreSystem.of(order, theta);
        return sensitivity(continuous, discretize(continuous), theta);
    }
}
