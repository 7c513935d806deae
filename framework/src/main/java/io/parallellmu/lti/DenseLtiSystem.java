package io.parallellmu.lti;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A discrete LTI system with dense Ā and B̄, whose impulse response is computed in {@code double} by
 * stepping the recurrence itself and cached per length.
 */
public final class DenseLtiSystem implements DiscreteLtiSystem {

    private static final int CACHED_LENGTHS = 8;

    private final double[][] a;
    private final double[] b;
    private final Map<Integer, double[][]> responses =
            new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Integer, double[][]> eldest) {
                    return size() > CACHED_LENGTHS;
                }
            };

    /**
     * Creates the system from its discrete matrices.
     *
     * @param a Ā, d×d; copied
     * @param b B̄, length d; copied
     */
    public DenseLtiSystem(double[][] a, double[] b) {
        ContinuousLtiSystem checked = new ContinuousLtiSystem(a, b);
        this.a = Matrices.copy(checked.a());
        this.b = checked.b().clone();
    }

    /** {@inheritDoc} */
    @Override
    public int order() {
        return b.length;
    }

    /** {@inheritDoc} */
    @Override
    public double[][] stateMatrix() {
        return Matrices.copy(a);
    }

    /** {@inheritDoc} */
    @Override
    public double[] inputMatrix() {
        return b.clone();
    }

    /** {@inheritDoc} */
    @Override
    public synchronized double[][] impulseResponse(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("impulse response length must be at least 1, got " + length);
        }
        return responses.computeIfAbsent(length, this::stepImpulse);
    }

    /** Runs the recurrence on a unit impulse, so H agrees with the recurrent mode by construction. */
    private double[][] stepImpulse(int length) {
        int d = b.length;
        double[][] h = new double[d][length];
        double[] state = b.clone(); // eq. 22 with u = δ: m_0 = B̄
        for (int t = 0; t < length; t++) {
            for (int i = 0; i < d; i++) {
                h[i][t] = state[i];
            }
            if (t + 1 < length) {
                state = Matrices.multiply(a, state); // m_{t+1} = Ā m_t
            }
        }
        return h;
    }
}
