package io.parallellmu.lti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Legendre system and its discretisation, checked against values not computed by the code under test. */
class DiscretizationTest {

    @Test
    void legendreMatricesMatchTheirDefinitionForOrderThree() {
        // Written out by hand from A_ij = (2i+1)(−1 if i<j else (−1)^(i−j+1)), B_i = (2i+1)(−1)^i, θ = 2
        ContinuousLtiSystem s = LegendreSystem.of(3, 2.0);
        assertArrayEquals(new double[] {-0.5, -0.5, -0.5}, s.a()[0], 0);
        assertArrayEquals(new double[] {1.5, -1.5, -1.5}, s.a()[1], 0);
        assertArrayEquals(new double[] {-2.5, 2.5, -2.5}, s.a()[2], 0);
        assertArrayEquals(new double[] {0.5, -1.5, 2.5}, s.b(), 0);
    }

    @ParameterizedTest
    @CsvSource({"1.0", "3.5", "784.0"})
    void zohOfOrderOneIsTheScalarClosedForm(double theta) {
        // A = −1/θ, B = 1/θ: Ā = e^{−1/θ}, B̄ = A⁻¹(e^A − 1)B = 1 − e^{−1/θ}
        DiscreteLtiSystem s = Discretizer.ZOH.legendre(1, theta);
        assertEquals(Math.exp(-1 / theta), s.stateMatrix()[0][0], 1e-15);
        assertEquals(-Math.expm1(-1 / theta), s.inputMatrix()[0], 1e-15);
    }

    @Test
    void zohMatchesScipyOracleValues() {
        // Entries of scipy.signal.cont2discrete(method="zoh") from scipy 1.10.1, computed outside this
        // project; the contract is agreement to 1e-9 absolute for d ≤ 512 and 1 ≤ θ ≤ 10⁴.
        assertEntries(512, 1.0,
                new double[][] {{0, 0, 0.0003132563421599259}, {511, 511, 4.858941615021916e-14},
                    {100, 300, 0.0001319909391164515}, {300, 100, 0.00039465947467120155}, {7, 500, -8.055937527358173e-09}},
                new double[][] {{0, 0.9996867436700858}, {256, 0.00037061128425168455}, {511, -1.3710102508140976e-08}});
        assertEntries(468, 784.0,
                new double[][] {{0, 0, 0.9987243583615848}, {467, 467, 0.15289206932577332}, {1, 0, 0.0038212555565965457},
                    {200, 199, 0.38243830376978794}, {0, 467, -9.957838993892457e-06}},
                new double[][] {{0, 0.0012756416384115457}, {234, -0.003959797087513756}, {467, -0.009310579459290643}});
        assertEntries(6, 10.0,
                new double[][] {{0, 0, 0.9006113966317767}, {5, 5, 0.21073365953351753}, {2, 3, -0.3429685082889851},
                    {4, 1, 0.30553748226361693}},
                new double[][] {{0, 0.0993886033682233}, {3, -0.34098518828943347}, {5, -0.028727670527191166}});
        assertEntries(512, 10000.0,
                new double[][] {{0, 0, 0.9999000063046065}, {511, 0, -0.000331120712120809}, {511, 511, 0.9003182207624595}},
                new double[][] {{0, 9.999369539291232e-05}, {256, -0.0067976470711273995}, {511, 0.00033112071212074807}});
    }

    private static void assertEntries(int order, double theta, double[][] aEntries, double[][] bEntries) {
        DiscreteLtiSystem s = Discretizer.ZOH.legendre(order, theta);
        double[][] a = s.stateMatrix();
        double[] b = s.inputMatrix();
        for (double[] e : aEntries) {
            assertEquals(e[2], a[(int) e[0]][(int) e[1]], 1e-9, "Ā[" + (int) e[0] + "][" + (int) e[1] + "] d=" + order + " θ=" + theta);
        }
        for (double[] e : bEntries) {
            assertEquals(e[1], b[(int) e[0]], 1e-9, "B̄[" + (int) e[0] + "] d=" + order + " θ=" + theta);
        }
    }

    @ParameterizedTest
    @CsvSource({"8, 50.0", "32, 400.0"})
    void exponentialTimesInverseExponentialIsIdentity(int order, double theta) {
        // Only well conditioned for moderate ‖A‖: e^{−A} grows like e^{‖A‖} since A is stable.
        double[][] a = LegendreSystem.of(order, theta).a();
        double[][] product = Matrices.multiply(MatrixExponential.expm(a), MatrixExponential.expm(Matrices.scale(-1, a)));
        double[][] identity = Matrices.identity(order);
        for (int i = 0; i < order; i++) {
            assertArrayEquals(identity[i], product[i], 1e-8, "row " + i);
        }
    }

    @ParameterizedTest
    @CsvSource({"8, 1.0", "64, 10.0", "256, 1.0"})
    void exponentialOfTwiceAIsTheSquare(int order, double theta) {
        // Semigroup identity e^{2A} = (e^A)², exercised where scaling and squaring does many squarings.
        double[][] a = LegendreSystem.of(order, theta).a();
        double[][] once = MatrixExponential.expm(a);
        double[][] squared = Matrices.multiply(once, once);
        double[][] twice = MatrixExponential.expm(Matrices.scale(2, a));
        for (int i = 0; i < order; i++) {
            assertArrayEquals(twice[i], squared[i], 1e-10, "row " + i);
        }
    }

    @Test
    void exponentialMatchesTaylorSeriesForSmallNorm() {
        // For ‖A‖ ≈ 0.05 the Taylor series Σ A^k / k! converges to double precision within 20 terms.
        double[][] a = Matrices.scale(0.05 / Matrices.norm1(LegendreSystem.of(5, 1).a()), LegendreSystem.of(5, 1).a());
        double[][] sum = Matrices.identity(5);
        double[][] term = Matrices.identity(5);
        for (int k = 1; k < 20; k++) {
            term = Matrices.scale(1.0 / k, Matrices.multiply(term, a));
            sum = Matrices.combine(1, sum, 1, term);
        }
        double[][] expm = MatrixExponential.expm(a);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(sum[i], expm[i], 1e-15, "row " + i);
        }
    }

    @Test
    void exponentialOfDiagonalIsElementwise() {
        double[][] a = {{-3, 0, 0}, {0, 0.5, 0}, {0, 0, -700}};
        double[][] e = MatrixExponential.expm(a);
        assertEquals(Math.exp(-3), e[0][0], 1e-14);
        assertEquals(Math.exp(0.5), e[1][1], 1e-13);
        assertEquals(Math.exp(-700), e[2][2], 1e-300);
        assertEquals(0, e[0][1], 0);
    }

    @Test
    void zohInputVectorSatisfiesItsDefiningIdentity() {
        // B̄ = A⁻¹(e^A − I)B  ⇔  A B̄ = (Ā − I) B
        ContinuousLtiSystem c = LegendreSystem.of(16, 7.0);
        DiscreteLtiSystem s = Discretizer.ZOH.discretize(c);
        double[] left = Matrices.multiply(c.a(), s.inputMatrix());
        double[] right = Matrices.multiply(Matrices.addIdentity(s.stateMatrix(), -1), c.b());
        assertArrayEquals(right, left, 1e-12);
    }

    @Test
    void eulerIsIdentityPlusA() {
        ContinuousLtiSystem c = LegendreSystem.of(4, 20.0);
        DiscreteLtiSystem s = Discretizer.EULER.discretize(c);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(c.a()[i][j] + (i == j ? 1 : 0), s.stateMatrix()[i][j], 0);
            }
        }
        assertArrayEquals(c.b(), s.inputMatrix(), 0);
    }

    @Test
    void impulseResponseColumnsArePowersOfAbarTimesBbar() {
        DiscreteLtiSystem s = Discretizer.ZOH.legendre(3, 4.0);
        double[][] h = s.impulseResponse(4);
        double[] column = s.inputMatrix();
        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(column[i], h[i][t], 1e-15, "H[" + i + "][" + t + "]");
            }
            column = Matrices.multiply(s.stateMatrix(), column);
        }
    }

    @Test
    void legendreMemoryReconstructsADelayedInput() {
        // The state approximates the window: u(t − θ) ≈ Σ_i P_i(1) m_i = Σ_i m_i for a smooth input.
        int order = 12;
        double theta = 50;
        DiscreteLtiSystem s = Discretizer.ZOH.legendre(order, theta);
        int length = 400;
        double[][] h = s.impulseResponse(length);
        double[] u = new double[length];
        for (int t = 0; t < length; t++) {
            u[t] = Math.sin(2 * Math.PI * t / 200.0);
        }
        int t = length - 1;
        double decoded = 0;
        for (int i = 0; i < order; i++) {
            double m = 0;
            for (int j = 0; j <= t; j++) {
                m += h[i][t - j] * u[j];
            }
            decoded += m;
        }
        assertEquals(u[t - (int) theta], decoded, 0.02);
    }

    /**
     * dĀ/dθ, dB̄/dθ and dH/dθ against central differences of the discretisation itself (step 1e-4·θ, error
     * ~1e-8·|X'''|θ², far inside 1e-6 relative to the largest entry; a wrong formula is off by 1e-2 or more).
     */
    @ParameterizedTest
    @CsvSource({"ZOH, 1, 3.0", "ZOH, 6, 9.5", "ZOH, 24, 60.0", "EULER, 5, 40.0"})
    void thetaDerivativesMatchCentralDifferences(Discretizer discretizer, int order, double theta) {
        int length = 30;
        double h = 1e-4 * theta;
        ThetaSensitivity s = discretizer.legendreSensitivity(order, theta);
        DiscreteLtiSystem up = discretizer.legendre(order, theta + h);
        DiscreteLtiSystem down = discretizer.legendre(order, theta - h);
        assertArrayEquals(flatten(discretizer.legendre(order, theta).stateMatrix()), flatten(s.system().stateMatrix()), 0);
        assertDerivative(flatten(s.stateDerivative()), flatten(up.stateMatrix()), flatten(down.stateMatrix()), h, "dĀ/dθ");
        assertDerivative(s.inputDerivative(), up.inputMatrix(), down.inputMatrix(), h, "dB̄/dθ");
        assertDerivative(
                flatten(s.impulseResponseDerivative(length)), flatten(up.impulseResponse(length)),
                flatten(down.impulseResponse(length)), h, "dH/dθ");
    }

    private static void assertDerivative(double[] analytic, double[] up, double[] down, double h, String what) {
        double scale = 0;
        for (double v : analytic) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 0, what + " is zero");
        for (int i = 0; i < analytic.length; i++) {
            assertEquals((up[i] - down[i]) / (2 * h), analytic[i], 1e-6 * scale, what + " entry " + i);
        }
    }

    private static double[] flatten(double[][] m) {
        return java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    @Test
    void badConfigurationIsRejectedWithItsName() {
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class, () -> LegendreSystem.of(0, 1));
        assertTrue(order.getMessage().contains("order must be at least 1, got 0"), order.getMessage());
        IllegalArgumentException theta = assertThrows(IllegalArgumentException.class, () -> LegendreSystem.of(4, 0));
        assertTrue(theta.getMessage().contains("theta must be positive"), theta.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LegendreSystem.of(4, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Discretizer.ZOH.legendre(4, 1).impulseResponse(0));
    }
}
