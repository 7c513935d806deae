package io.parallellmu.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mode of {@link LegendreMemory}, and its streaming step, against the independent {@code double}
 * recurrence of {@link ModeEquivalence}, on the CPU, in float64 (to 1e-9) and float32 (to the float32 bound
 * argued there, which also covers TF32 on a GPU; on a CPU float32 is far tighter).
 */
class LegendreMemoryEquivalenceTest {

    /** Four sequence paths (FFT, RAW, RECURRENT, AUTO), five final-state paths (every mode), streaming. */
    private static final int PATHS = 4 + MemoryMode.values().length + 1;

    static Stream<ModeEquivalence.Case> grid() {
        return ModeEquivalence.grid().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void everyModeMatchesTheRecurrenceInFloat64(ModeEquivalence.Case testCase) {
        assertAllPass(testCase, DataType.FLOAT64);
    }

    /** The same grid with θ a trainable parameter: every mode must still equal the fixed system's recurrence. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void everyModeWithTrainableThetaMatchesTheRecurrenceInFloat64(ModeEquivalence.Case testCase) {
        assertAllPass(testCase.withTrainableTheta(), DataType.FLOAT64);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void everyModeMatchesTheRecurrenceInFloat32(ModeEquivalence.Case testCase) {
        assertAllPass(testCase, DataType.FLOAT32);
    }

    private static void assertAllPass(ModeEquivalence.Case testCase, DataType dataType) {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<ModeEquivalence.Deviation> deviations = ModeEquivalence.measure(testCase, 3, manager, dataType);
            assertEquals(PATHS, deviations.size(), "one deviation per path");
            for (ModeEquivalence.Deviation d : deviations) {
                assertTrue(d.passes(), () -> d.path() + " " + dataType + ": max |error| " + d.maxAbsError()
                        + " > " + d.tolerance() + " (states up to " + d.scale() + ")");
            }
        }
    }
}
