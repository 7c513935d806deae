package io.parallellmu.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.parallellmu.lti.DiscreteLtiSystem;
import io.parallellmu.lti.Discretizer;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mode of {@link LegendreMemory}, and its streaming step, against an independent reference: the
 * recurrence m_t = Ā m_{t−1} + B̄ u_t evaluated here in plain Java {@code double}, per channel.
 *
 * <p>All in float64. Tolerances: the reference and RECURRENT/streaming perform the same sums in a different
 * order (BLAS blocking), and RAW/MATMUL sum the convolution directly, so they agree to ~1e-12 relative;
 * FFT rounds through a length-2L transform, whose error grows like ε·log(L)·‖u‖‖H‖, about 1e-13 here. An
 * absolute tolerance of 1e-9 on states of order 1–10 is therefore loose enough for every mode and
 * orders of magnitude tighter than any indexing or discretisation bug (those give errors of order 1e-2
 * or more).
 */
class LegendreMemoryEquivalenceTest {

    private static final double TOLERANCE = 1e-9;

    static Stream<Arguments> grid() {
        return Stream.of(
                // order, theta, length, memoryD, discretizer
                Arguments.of(1, 1.0, 1, 1, Discretizer.ZOH), // the smallest case
                Arguments.of(4, 10.0, 5, 1, Discretizer.ZOH), // L < θ
                Arguments.of(6, 16.0, 16, 1, Discretizer.ZOH), // L = θ
                Arguments.of(8, 8.0, 50, 3, Discretizer.ZOH), // L > 4θ, several channels
                Arguments.of(32, 100.0, 257, 2, Discretizer.ZOH), // odd length, larger order
                Arguments.of(5, 40.0, 33, 2, Discretizer.EULER), // Euler with θ > 4·order
                Arguments.of(12, 3.5, 20, 1, Discretizer.ZOH)); // non-integer θ much shorter than L
    }

    @ParameterizedTest(name = "order {0}, theta {1}, L {2}, memoryD {3}, {4}")
    @MethodSource("grid")
    void everyModeMatchesTheRecurrence(int order, double theta, int length, int memoryD, Discretizer discretizer) {
        everyModeMatchesTheRecurrence(order, theta, length, memoryD, discretizer, false);
    }

    /** The same grid with θ a trainable parameter: the kernels then carry θ − stopgrad θ (zero) times dX/dθ. */
    @ParameterizedTest(name = "trainable: order {0}, theta {1}, L {2}, memoryD {3}, {4}")
    @MethodSource("grid")
    void everyModeWithTrainableThetaMatchesTheRecurrence(
            int order, double theta, int length, int memoryD, Discretizer discretizer) {
        everyModeMatchesTheRecurrence(order, theta, length, memoryD, discretizer, true);
    }

    private static void everyModeMatchesTheRecurrence(
            int order, double theta, int length, int memoryD, Discretizer discretizer, boolean trainable) {
        int batch = 3;
        try (NDManager manager = NDManager.newBaseManager()) {
            double[][][] u = randomInput(batch, length, memoryD, new Random(order * 31L + length));
            NDArray input = manager.create(flatten(u), new Shape(batch, length, memoryD)).toType(DataType.FLOAT64, false);
            DiscreteLtiSystem system = discretizer.legendre(order, theta);
            double[][][] expected = reference(system, u); // (B, L, C·d)

            for (MemoryMode mode : new MemoryMode[] {MemoryMode.FFT, MemoryMode.RAW, MemoryMode.RECURRENT, MemoryMode.AUTO}) {
                NDArray sequence = memory(order, theta, memoryD, discretizer, mode, true, trainable, input, manager);
                assertEquals(new Shape(batch, length, (long) memoryD * order), sequence.getShape(), mode + " shape");
                assertClose(flattenSequence(expected), sequence.toDoubleArray(), mode + " sequence");
            }
            double[] finalExpected = finalStates(expected);
            for (MemoryMode mode : MemoryMode.values()) {
                NDArray last = memory(order, theta, memoryD, discretizer, mode, false, trainable, input, manager);
                assertEquals(new Shape(batch, (long) memoryD * order), last.getShape(), mode + " final shape");
                assertClose(finalExpected, last.toDoubleArray(), mode + " final state");
            }

            LegendreMemory streaming =
                    LegendreMemory.builder().setOrder(order).setTheta(theta).optMemoryD(memoryD).optDiscretizer(discretizer)
                            .optTrainableTheta(trainable).build();
            streaming.initialize(manager, DataType.FLOAT64, input.getShape());
            NDArray state = streaming.initialState(input, batch);
            for (int t = 0; t < length; t++) {
                state = streaming.step(state, input.get(":, {}, :", t));
            }
            assertClose(finalExpected, state.toDoubleArray(), "streaming steps");
        }
    }

    private static NDArray memory(
            int order, double theta, int memoryD, Discretizer discretizer, MemoryMode mode, boolean sequences,
            boolean trainable, NDArray input, NDManager manager) {
        LegendreMemory block =
                LegendreMemory.builder()
                        .setOrder(order)
                        .setTheta(theta)
                        .optMemoryD(memoryD)
                        .optDiscretizer(discretizer)
                        .optMode(mode)
                        .optReturnSequences(sequences)
                        .optTrainableTheta(trainable)
                        .build();
        block.initialize(manager, DataType.FLOAT64, input.getShape());
        return block.forward(new ParameterStore(manager, false), new NDList(input), false).singletonOrThrow();
    }

    /** m_t = Ā m_{t−1} + B̄ u_t per channel, in double; returns (B, L, C·d) with channel-major states. */
    static double[][][] reference(DiscreteLtiSystem system, double[][][] u) {
        double[][] a = system.stateMatrix();
        double[] b = system.inputMatrix();
        int d = b.length;
        int batch = u.length;
        int length = u[0].length;
        int channels = u[0][0].length;
        double[][][] out = new double[batch][length][channels * d];
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                double[] m = new double[d];
                for (int t = 0; t < length; t++) {
                    double[] next = new double[d];
                    for (int i = 0; i < d; i++) {
                        double s = b[i] * u[n][t][c];
                        for (int j = 0; j < d; j++) {
                            s += a[i][j] * m[j];
                        }
                        next[i] = s;
                    }
                    m = next;
                    System.arraycopy(m, 0, out[n][t], c * d, d);
                }
            }
        }
        return out;
    }

    static double[][][] randomInput(int batch, int length, int channels, Random random) {
        double[][][] u = new double[batch][length][channels];
        for (double[][] sequence : u) {
            for (double[] step : sequence) {
                for (int c = 0; c < channels; c++) {
                    step[c] = random.nextGaussian();
                }
            }
        }
        return u;
    }

    static double[] flatten(double[][][] x) {
        return flattenSequence(x);
    }

    private static double[] flattenSequence(double[][][] x) {
        return Stream.of(x).flatMap(Stream::of).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static double[] finalStates(double[][][] x) {
        return Stream.of(x).map(seq -> seq[seq.length - 1]).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " size");
        assertArrayEquals(expected, actual, TOLERANCE, what);
    }
}
