package io.parallellmu.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.parallellmu.lti.DiagonalLtiSystem;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mode of {@link DiagonalSsm}, and its streaming step, against the dense {@code double} recurrence of
 * {@link LegendreMemoryEquivalenceTest#reference} run on each channel's {@link DiagonalLtiSystem} (Ā in real
 * 2×2 blocks), with the read-out 2 Re(C x) + D u applied in {@code double}.
 *
 * <p>All in float64. The block computes Λ and the Vandermonde kernel from its parameters in the graph
 * (exp, cos, sin of ΔA·t); the reference discretises the same parameters in Java and steps the real-form
 * recurrence, so the two share no code. Rounding is ~1e-13 relative on outputs of order 1–10; 1e-9 absolute
 * is loose for that and tight against any indexing, conjugation or discretisation error (1e-3 or more).
 */
class DiagonalSsmEquivalenceTest {

    private static final double TOLERANCE = 1e-9;

    static Stream<Arguments> grid() {
        return Stream.of(
                // state size N, length, channels, Δ range
                Arguments.of(2, 1, 1, 0.001, 0.1), // one mode, one step
                Arguments.of(8, 16, 3, 0.001, 0.1), // the default Δ range
                Arguments.of(16, 50, 2, 0.05, 0.5), // faster decay and rotation, L > 1/Δ
                Arguments.of(64, 257, 2, 0.001, 0.1)); // odd length, many modes
    }

    @ParameterizedTest(name = "N {0}, L {1}, channels {2}, Δ in [{3}, {4}]")
    @MethodSource("grid")
    void everyModeMatchesTheRecurrence(int stateSize, int length, int channels, double dtMin, double dtMax) {
        int batch = 3;
        try (NDManager manager = NDManager.newBaseManager()) {
            double[][][] u = ModeEquivalence.randomInput(batch, length, channels, new Random(stateSize + length));
            NDArray input = manager.create(ModeEquivalence.flatten(u), new Shape(batch, length, channels))
                    .toType(DataType.FLOAT64, false);
            for (MemoryMode mode : MemoryMode.values()) {
                for (boolean sequences : new boolean[] {true, false}) {
                    if (mode == MemoryMode.MATMUL && sequences) {
                        continue;
                    }
                    Engine.getInstance().setRandomSeed(11); // the same parameters in every block
                    DiagonalSsm block = DiagonalSsm.builder().setStateSize(stateSize).optDtRange(dtMin, dtMax)
                            .optMode(mode).optReturnSequences(sequences).build();
                    block.initialize(manager, DataType.FLOAT64, input.getShape());
                    double[][][] expected = reference(block, u); // (B, L, H)
                    NDArray out = block.forward(new ParameterStore(manager, false), new NDList(input), false).head();
                    String what = mode + (sequences ? " sequence" : " last");
                    double[] wanted = sequences ? flatten(expected) : last(expected);
                    assertEquals(new Shape(sequences ? new long[] {batch, length, channels} : new long[] {batch, channels}),
                            out.getShape(), what + " shape");
                    assertArrayEquals(wanted, out.toDoubleArray(), TOLERANCE, what);
                    if (mode == MemoryMode.RECURRENT && !sequences) {
                        assertStreamingMatches(block, input, last(expected), manager);
                    }
                }
            }
        }
    }

    private static void assertStreamingMatches(DiagonalSsm block, NDArray input, double[] expected, NDManager manager) {
        long batch = input.getShape().get(0);
        ParameterStore store = new ParameterStore(manager, false);
        NDArray state = block.initialState(input, batch);
        NDArray y = null;
        for (int t = 0; t < input.getShape().get(1); t++) {
            NDList out = block.step(store, state, input.get(":, {}, :", t));
            y = out.get(0);
            state = out.get(1);
        }
        assertArrayEquals(expected, y.toDoubleArray(), TOLERANCE, "streaming steps");
    }

    /** Each channel's real-form recurrence in double, then y = 2 Re(C x) + D u. */
    private static double[][][] reference(DiagonalSsm block, double[][][] u) {
        int batch = u.length;
        int length = u[0].length;
        int channels = u[0][0].length;
        double[][][] y = new double[batch][length][channels];
        for (int h = 0; h < channels; h++) {
            double[][][] channel = new double[batch][length][1];
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < length; t++) {
                    channel[b][t][0] = u[b][t][h];
                }
            }
            double[][][] states = ModeEquivalence.reference(block.system(h), channel);
            double[][] readout = block.readout(h);
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < length; t++) {
                    y[b][t][h] = DiagonalLtiSystem.output(readout, states[b][t]) + readout[2][0] * u[b][t][h];
                }
            }
        }
        assertTrue(Stream.of(y).flatMap(Stream::of).flatMapToDouble(java.util.Arrays::stream).map(Math::abs).max().getAsDouble() > 0.1,
                "the outputs should not be negligible");
        return y;
    }

    private static double[] flatten(double[][][] x) {
        return ModeEquivalence.flatten(x);
    }

    private static double[] last(double[][][] x) {
        return Stream.of(x).map(seq -> seq[seq.length - 1]).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
