package io.parallellmu.reports;

import io.parallellmu.reports.schema.SpeedKey;
import io.parallellmu.reports.schema.SpeedResult;
import java.util.List;
import java.util.OptionalLong;

/** A small speed study: final-state LMU in MATMUL and RECURRENT modes at two lengths. */
public final class SpeedFixtures {

    private SpeedFixtures() {}

    /**
     * The study: at L=256 MATMUL takes 2 ms and RECURRENT 500 ms (250× faster); at L=784
     * MATMUL takes 5 ms and RECURRENT 1.5 s (300×); an LSTM at L=784 takes 3 s (0.5×, i.e. 2×
     * slower); RECURRENT at L=4096 is skipped for budget.
     *
     * @return the rows, with speed-ups filled in
     */
    public static List<SpeedResult> study() {
        return List.of(
                row("lmu-final", "MATMUL", 256, 0.002).withSpeedupOver(0.5),
                row("lmu-final", "RECURRENT", 256, 0.5).withSpeedupOver(0.5),
                row("lmu-final", "MATMUL", 784, 0.005).withSpeedupOver(1.5),
                row("lmu-final", "RECURRENT", 784, 1.5).withSpeedupOver(1.5),
                row("lstm-128", "DJL", 784, 3.0).withSpeedupOver(1.5),
                SpeedResult.skipped(new SpeedKey("lmu-final", "RECURRENT", 4096, 100), 166_092,
                        1e10, "budget", ""));
    }

    private static SpeedResult row(String configuration, String mode, int length, double seconds) {
        return SpeedResult.measured(new SpeedKey(configuration, mode, length, 100), 166_092,
                length * 3.2e5, 5, seconds, OptionalLong.of(800L << 20), 200L << 20, "");
    }
}
