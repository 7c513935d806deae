package io.parallellmu.reports.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SpeedResultTest {

    private static final SpeedKey MATMUL = new SpeedKey("lmu-final", "MATMUL", 784, 100);

    @Test
    void measuredRowDerivesGflopsAndSpeedup() {
        SpeedResult row = SpeedResult.measured(MATMUL, 166_092, 2.5e8, 5, 0.005,
                OptionalLong.of(1L << 30), 1L << 28, "");
        assertEquals(50.0, row.gflopsPerSecond().getAsDouble(), 1e-9);
        assertEquals(200.0, row.withSpeedupOver(1.0).speedupVsRecurrent().getAsDouble(), 1e-9);
    }

    @Test
    void skippedRowHasNoTimeAndCannotGetASpeedup() {
        SpeedResult row = SpeedResult.skipped(
                new SpeedKey("lmu-final", "RECURRENT", 4096, 100), 166_092, 1e9, "budget", "");
        assertEquals("skipped: budget", row.status());
        assertFalse(row.isMeasured());
        assertThrows(IllegalStateException.class, () -> row.withSpeedupOver(1.0));
    }

    @Test
    void statusMustMatchThePresenceOfATime() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SpeedResult("c", "m", 8, 1, 1, 1, OptionalDouble.empty(), 1,
                        OptionalDouble.empty(), OptionalLong.empty(), OptionalLong.empty(),
                        OptionalDouble.empty(), SpeedResult.OK, ""));
        assertEquals("a row with status ok needs a median step time", e.getMessage());
    }
}
