package io.parallellmu.lti;

/**
 * A continuous single-input LTI system dm/dt = A m + B u, in units of one time step.
 *
 * @param a the d×d state matrix A (row-major)
 * @param b the length-d input vector B
 */
public record ContinuousLtiSystem(double[][] a, double[] b) {

    /** Checks that A is square and B matches it. */
    public ContinuousLtiSystem {
        int d = b.length;
        if (d < 1) {
            throw new IllegalArgumentException("order must be at least 1, got " + d);
        }
        if (a.length != d) {
            throw new IllegalArgumentException("A has " + a.length + " rows but B has " + d + " entries");
        }
        for (double[] row : a) {
            if (row.length != d) {
                throw new IllegalArgumentException("A must be " + d + "×" + d + ", found a row of " + row.length);
            }
        }
    }

    /**
     * Returns the state dimension d.
     *
     * @return the order
     */
    public int order() {
        return b.length;
    }
}
