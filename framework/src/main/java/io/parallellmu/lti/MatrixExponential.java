package io.parallellmu.lti;

/**
 * The matrix exponential by scaling and squaring with a degree-13 Padé approximant (Higham, "The scaling
 * and squaring method for the matrix exponential revisited", SIAM J. Matrix Anal. Appl. 26(4), 2005).
 *
 * <p>Lower Padé degrees are used when ‖A‖₁ is small enough for them to reach double precision, as in
 * Higham's Algorithm 2.3; this is the method behind {@code scipy.linalg.expm}.
 */
public final class MatrixExponential {

    /** Higham's θ_m: the largest ‖A‖₁ for which the degree-m approximant reaches unit roundoff. */
    private static final double[] THETA = {
        1.495585217958292e-2, 2.539398330063230e-1, 9.504178996162932e-1, 2.097847961257068e0, 5.371920351148152e0
    };

    private static final int[] DEGREES = {3, 5, 7, 9, 13};

    private static final double[][] COEFFICIENTS = {
        {120, 60, 12, 1},
        {30240, 15120, 3360, 420, 30, 1},
        {17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1},
        {17643225600d, 8821612800d, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1},
        {
            64764752532480000d, 32382376266240000d, 7771770303897600d, 1187353796428800d, 129060195264000d,
            10559470521600d, 670442572800d, 33522128640d, 1323241920d, 40840800d, 960960d, 16380d, 182d, 1d
        }
    };

    private MatrixExponential() {}

    /**
     * Computes e^A.
     *
     * @param a a square matrix (row-major); it is not modified
     * @return e^A
     * @throws IllegalArgumentException if A is not square or holds a non-finite value
     */
    public static double[][] expm(double[][] a) {
        int n = a.length;
        for (double[] row : a) {
            if (row.length != n) {
                throw new IllegalArgumentException("expm needs a square matrix, found a row of " + row.length + " in " + n);
            }
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("expm needs finite entries, found " + v);
                }
            }
        }
        double norm = Matrices.norm1(a);
        for (int k = 0; k < 4; k++) {
            if (norm <= THETA[k]) {
                return pade(a, k);
            }
        }
        int squarings = Math.max(0, (int) Math.ceil(Math.log(norm / THETA[4]) / Math.log(2)));
        double[][] result = pade(Matrices.scale(Math.pow(2, -squarings), a), 4);
        for (int s = 0; s < squarings; s++) {
            result = Matrices.multiply(result, result);
        }
        return result;
    }

    /** r_m(A) = q_m(A)⁻¹ p_m(A), with p = U + V and q = −U + V for the odd part U and even part V. */
    private static double[][] pade(double[][] a, int index) {
        double[] c = COEFFICIENTS[index];
        int n = a.length;
        double[][] ident = Matrices.identity(n);
        double[][] a2 = Matrices.multiply(a, a);
        double[][] u;
        double[][] v;
        if (DEGREES[index] < 13) {
            // Powers A^0, A^2, A^4, ... up to the degree.
            int m = DEGREES[index];
            double[][] odd = Matrices.scale(c[1], ident);
            double[][] even = Matrices.scale(c[0], ident);
            double[][] power = ident;
            for (int k = 2; k <= m; k += 2) {
                power = Matrices.multiply(power, a2);
                odd = Matrices.combine(1, odd, c[k + 1], power);
                even = Matrices.combine(1, even, c[k], power);
            }
            u = Matrices.multiply(a, odd);
            v = even;
        } else {
            double[][] a4 = Matrices.multiply(a2, a2);
            double[][] a6 = Matrices.multiply(a4, a2);
            double[][] inner =
                    Matrices.combine(1, Matrices.combine(c[13], a6, c[11], a4), c[9], a2);
            double[][] oddPart =
                    Matrices.combine(
                            1,
                            Matrices.multiply(a6, inner),
                            1,
                            Matrices.combine(
                                    1,
                                    Matrices.combine(c[7], a6, c[5], a4),
                                    1,
                                    Matrices.combine(c[3], a2, c[1], ident)));
            u = Matrices.multiply(a, oddPart);
            double[][] innerEven =
                    Matrices.combine(1, Matrices.combine(c[12], a6, c[10], a4), c[8], a2);
            v =
                    Matrices.combine(
                            1,
                            Matrices.multiply(a6, innerEven),
                            1,
                            Matrices.combine(
                                    1,
                                    Matrices.combine(c[6], a6, c[4], a4),
                                    1,
                                    Matrices.combine(c[2], a2, c[0], ident)));
        }
        double[][] p = Matrices.combine(1, v, 1, u);
        double[][] q = Matrices.combine(1, v, -1, u);
        return Matrices.solve(q, p);
    }
}
