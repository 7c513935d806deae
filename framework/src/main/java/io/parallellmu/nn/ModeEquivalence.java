package io.parallellmu.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.parallellmu.lti.DiscreteLtiSystem;
import io.parallellmu.lti.Discretizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Every mode of {@link LegendreMemory}, and its streaming step, against an independent reference: the
 * recurrence m_t = Ā m_{t−1} + B̄ u_t (eq. 19) evaluated in plain Java {@code double}, per channel. It runs
 * on whatever device the given manager is on, so the same check backs the CPU unit test and the GPU
 * check ({@code plmu device-check}).
 *
 * <p>Tolerances ({@link #tolerance}), as absolute bounds on states of order 1–10:
 *
 * <ul>
 *   <li>float64: the reference and RECURRENT/streaming perform the same sums in a different order (BLAS
 *       blocking), and RAW/MATMUL sum the convolution directly, so they agree to ~1e-12 relative; FFT rounds
 *       through a length-2L transform, whose error grows like ε·log(L)·‖u‖‖H‖, about 1e-13 here. 1e-9 is
 *       loose enough for every mode and orders of magnitude tighter than any indexing or discretisation bug
 *       (those give errors of order 1e-2 or more). CUDA's float64 kernels have no reduced-precision mode,
 *       so the same bound holds there.
 *   <li>float32: the unit roundoff is 6e-8, but on NVIDIA GPUs since Ampere PyTorch lets cuDNN compute
 *       float32 convolutions (RAW) in TF32, whose 10-bit mantissa has a unit roundoff of 4.9e-4 per product;
 *       L products of random sign then err by about 4.9e-4·√L·(a typical term), under 1e-3 of the largest
 *       state for this grid. The bound is 2e-3 × the largest |state| (at least 1): five times below a bug's 1e-2.
 * </ul>
 */
public final class ModeEquivalence {

    private static final double FLOAT64_TOLERANCE = 1e-9;
    private static final double FLOAT32_RELATIVE_TOLERANCE = 2e-3;

    private ModeEquivalence() {}

    /**
     * One memory configuration and input length.
     *
     * @param order the order d
     * @param theta the window θ
     * @param length the sequence length L
     * @param memoryD the number of memory channels
     * @param discretizer how the continuous system is discretised
     * @param trainableTheta whether θ is a trainable parameter, so that the kernels carry θ − stopgrad θ (zero)
     *     times dX/dθ
     */
    public record Case(
            int order, double theta, int length, int memoryD, Discretizer discretizer, boolean trainableTheta) {

        /**
         * A case with a fixed θ.
         *
         * @param order the memory order d
         * @param theta the window θ in steps
         * @param length the sequence length L
         * @param memoryD the number of memory channels
         * @param discretizer how the continuous system is discretised
         */
        public Case(int order, double theta, int length, int memoryD, Discretizer discretizer) {
            this(order, theta, length, memoryD, discretizer, false);
        }

        /**
         * Returns the same case with θ trainable.
         *
         * @return the case with a trainable θ
         */
        public Case withTrainableTheta() {
            return new Case(order, theta, length, memoryD, discretizer, true);
        }

        /** {@inheritDoc} */
        @Override
        public String toString() {
            return "order " + order + ", theta " + theta + ", L " + length + ", memoryD " + memoryD + ", " + discretizer
                    + (trainableTheta ? ", trainable theta" : "");
        }
    }

    /**
     * How far one path of one case lies from the reference.
     *
     * @param testCase the case
     * @param path the mode and output, e.g. "FFT sequence", "MATMUL final", "streaming"
     * @param maxAbsError the largest |path − reference| over all states
     * @param maxAbsFromRecurrent the largest |path − RECURRENT on the same device| (final states for the final
     *     and streaming paths, whole sequences for the sequence paths)
     * @param scale the largest |reference state|
     * @param tolerance the bound {@code maxAbsError} must stay within
     */
    public record Deviation(
            Case testCase, String path, double maxAbsError, double maxAbsFromRecurrent, double scale, double tolerance) {

        /**
         * Returns whether the path agrees with the reference.
         *
         * @return maxAbsError ≤ tolerance
         */
        public boolean passes() {
            return maxAbsError <= tolerance;
        }
    }

    /**
     * The grid of {@code LegendreMemoryEquivalenceTest}: L below, at and far above θ, several channels, both
     * discretisers.
     *
     * @return the cases
     */
    public static List<Case> grid() {
        return List.of(
                new Case(1, 1.0, 1, 1, Discretizer.ZOH), // the smallest case
                new Case(4, 10.0, 5, 1, Discretizer.ZOH), // L < θ
                new Case(6, 16.0, 16, 1, Discretizer.ZOH), // L = θ
                new Case(8, 8.0, 50, 3, Discretizer.ZOH), // L > 4θ, several channels
                new Case(32, 100.0, 257, 2, Discretizer.ZOH), // odd length, larger order
                new Case(5, 40.0, 33, 2, Discretizer.EULER), // Euler with θ > 4·order
                new Case(12, 3.5, 20, 1, Discretizer.ZOH)); // non-integer θ much shorter than L
    }

    /**
     * The tolerance for a data type, as argued in the class comment.
     *
     * @param dataType FLOAT64 or FLOAT32
     * @param scale the largest |reference state|
     * @return the absolute bound
     */
    public static double tolerance(DataType dataType, double scale) {
        return switch (dataType) {
            case FLOAT64 -> FLOAT64_TOLERANCE;
            case FLOAT32 -> FLOAT32_RELATIVE_TOLERANCE * Math.max(scale, 1.0);
            default -> throw new IllegalArgumentException("no tolerance argued for " + dataType + "; use FLOAT32 or FLOAT64");
        };
    }

    /**
     * Runs every mode (whole sequences: FFT, RAW, RECURRENT, AUTO; final states: every mode) and the streaming
     * step on the manager's device in the given data type, and measures each against the double reference.
     *
     * @param testCase the case
     * @param batch the batch size
     * @param manager the manager, on the device to check
     * @param dataType FLOAT32 or FLOAT64
     * @return one deviation per path
     */
    public static List<Deviation> measure(Case testCase, int batch, NDManager manager, DataType dataType) {
        int length = testCase.length();
        double[][][] u = randomInput(batch, length, testCase.memoryD(), new Random(testCase.order() * 31L + length));
        double[][][] expected = reference(testCase.discretizer().legendre(testCase.order(), testCase.theta()), u);
        double[] sequenceExpected = flatten(expected);
        double[] finalExpected = finalStates(expected);
        double scale = Arrays.stream(sequenceExpected).map(Math::abs).max().orElse(0);
        double tolerance = tolerance(dataType, scale);
        List<Deviation> deviations = new ArrayList<>();
        try (NDManager scope = manager.newSubManager()) {
            NDArray input = scope.create(flatten(u), new Shape(batch, length, testCase.memoryD())).toType(dataType, false);
            double[] recurrentSequence = values(memory(testCase, MemoryMode.RECURRENT, true, input, scope));
            for (MemoryMode mode : new MemoryMode[] {MemoryMode.FFT, MemoryMode.RAW, MemoryMode.RECURRENT, MemoryMode.AUTO}) {
                double[] actual = checkedValues(memory(testCase, mode, true, input, scope), new Shape(batch, length,
                        (long) testCase.memoryD() * testCase.order()), mode + " sequence", input);
                deviations.add(new Deviation(testCase, mode + " sequence", maxAbsDifference(sequenceExpected, actual),
                        maxAbsDifference(recurrentSequence, actual), scale, tolerance));
            }
            double[] recurrentFinal = values(memory(testCase, MemoryMode.RECURRENT, false, input, scope));
            Shape finalShape = new Shape(batch, (long) testCase.memoryD() * testCase.order());
            for (MemoryMode mode : MemoryMode.values()) {
                double[] actual = checkedValues(memory(testCase, mode, false, input, scope), finalShape, mode + " final", input);
                deviations.add(new Deviation(testCase, mode + " final", maxAbsDifference(finalExpected, actual),
                        maxAbsDifference(recurrentFinal, actual), scale, tolerance));
            }
            double[] streamed = checkedValues(streamedState(testCase, input, batch), finalShape, "streaming", input);
            deviations.add(new Deviation(testCase, "streaming", maxAbsDifference(finalExpected, streamed),
                    maxAbsDifference(recurrentFinal, streamed), scale, tolerance));
        }
        return deviations;
    }

    /** Checks a path's shape, and that it stayed on the input's device (no helper may assume the CPU). */
    private static double[] checkedValues(NDArray states, Shape expectedShape, String path, NDArray input) {
        if (!states.getShape().equals(expectedShape)) {
            throw new IllegalStateException(path + " gave shape " + states.getShape() + ", expected " + expectedShape);
        }
        if (!states.getDevice().equals(input.getDevice())) {
            throw new IllegalStateException(path + " returned its states on " + states.getDevice()
                    + " for an input on " + input.getDevice());
        }
        return values(states);
    }

    private static double[] values(NDArray states) {
        return states.toType(DataType.FLOAT64, false).toDoubleArray();
    }

    private static NDArray memory(Case c, MemoryMode mode, boolean sequences, NDArray input, NDManager manager) {
        LegendreMemory block = builder(c).optMode(mode).optReturnSequences(sequences).build();
        block.initialize(manager, input.getDataType(), input.getShape());
        return block.forward(new ParameterStore(manager, false), new NDList(input), false).singletonOrThrow();
    }

    private static NDArray streamedState(Case c, NDArray input, int batch) {
        LegendreMemory streaming = builder(c).build();
        streaming.initialize(input.getManager(), input.getDataType(), input.getShape());
        NDArray state = streaming.initialState(input, batch);
        for (int t = 0; t < c.length(); t++) {
            state = streaming.step(state, input.get(":, {}, :", t));
        }
        return state;
    }

    private static LegendreMemory.Builder builder(Case c) {
        return LegendreMemory.builder()
                .setOrder(c.order())
                .setTheta(c.theta())
                .optMemoryD(c.memoryD())
                .optDiscretizer(c.discretizer())
                .optTrainableTheta(c.trainableTheta());
    }

    /**
     * m_t = Ā m_{t−1} + B̄ u_t (eq. 19) per channel, in double.
     *
     * @param system the discrete system
     * @param u the input, (B, L, C)
     * @return the states, (B, L, C·d), channel-major
     */
    public static double[][][] reference(DiscreteLtiSystem system, double[][][] u) {
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

    /**
     * Standard normal inputs.
     *
     * @param batch B
     * @param length L
     * @param channels C
     * @param random the source
     * @return (B, L, C) values
     */
    public static double[][][] randomInput(int batch, int length, int channels, Random random) {
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

    /**
     * Row-major flattening.
     *
     * @param x a (B, L, C) array
     * @return its values in row-major order
     */
    public static double[] flatten(double[][][] x) {
        return Stream.of(x).flatMap(Stream::of).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double[] finalStates(double[][][] x) {
        return Stream.of(x).map(seq -> seq[seq.length - 1]).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double maxAbsDifference(double[] expected, double[] actual) {
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        return max;
    }
}
