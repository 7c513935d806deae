package io.parallellmu.benchmarks.speed;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import io.parallellmu.nn.LmuLayer;
import io.parallellmu.nn.MemoryMode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times the same LMU classifier in every memory mode, within a time budget per configuration, and
 * compares each with RECURRENT measured in the same run.
 */
public final class LmuSpeedStudy {

    private final Device device;
    private final TrainingStepTimer timer;
    private final int warmupSteps;
    private final int timedSteps;
    private final double budgetSeconds;
    private final PrintStream log;

    /**
     * Creates the study.
     *
     * @param device where to train
     * @param warmupSteps untimed steps before timing (at least 1)
     * @param timedSteps timed steps wanted (the median is reported)
     * @param budgetSeconds the most one configuration may take; slower ones time fewer steps (at least 2)
     *     or are skipped
     * @param log where progress goes
     */
    public LmuSpeedStudy(Device device, int warmupSteps, int timedSteps, double budgetSeconds, PrintStream log) {
        if (warmupSteps < 1 || timedSteps < 2) {
            throw new IllegalArgumentException(
                    "need at least 1 warm-up and 2 timed steps, got " + warmupSteps + " and " + timedSteps);
        }
        this.device = device;
        this.timer = new TrainingStepTimer(device);
        this.warmupSteps = warmupSteps;
        this.timedSteps = timedSteps;
        this.budgetSeconds = budgetSeconds;
        this.log = log;
    }

    /**
     * Measures one case.
     *
     * @param speedCase the configuration and mode
     * @return the measurement, possibly {@code skipped: budget}
     */
    public SpeedMeasurement measure(LmuSpeedCase speedCase) {
        Shape input = new Shape(speedCase.batch(), speedCase.length(), 1);
        // One probe step tells how long a step takes, so the budget is honoured before committing to more.
        TrainingStepTimer.Timing probe = timer.time(speedCase.build(), input, speedCase.classes(), 0, 1);
        double probeSeconds = probe.stepSeconds()[0];
        int affordable = (int) Math.floor(budgetSeconds / probeSeconds) - warmupSteps;
        String note = "";
        if (affordable < 2) {
            log.printf(Locale.ROOT, "  %s %s L=%d: skipped: budget (one step took %.2f s, budget %.0f s)%n",
                    speedCase.configuration(), speedCase.mode(), speedCase.length(), probeSeconds, budgetSeconds);
            return new SpeedMeasurement(
                    speedCase.configuration(), speedCase.mode().name(), "", speedCase.batch(), speedCase.length(),
                    probe.parameters(), 0, Double.NaN, speedCase.flops(), "skipped: budget",
                    String.format(Locale.ROOT, "one untimed step took %.2f s; the budget is %.0f s", probeSeconds, budgetSeconds));
        }
        int steps = Math.min(timedSteps, affordable);
        if (steps < timedSteps) {
            note = "slow: " + steps + " timed steps instead of " + timedSteps;
        }
        Block block = speedCase.build();
        TrainingStepTimer.Timing timing = timer.time(block, input, speedCase.classes(), warmupSteps, steps);
        String resolved = resolvedMode(block, speedCase, input);
        SpeedMeasurement m =
                new SpeedMeasurement(
                        speedCase.configuration(), speedCase.mode().name(), resolved, speedCase.batch(),
                        speedCase.length(), timing.parameters(), steps, timing.medianSeconds(),
                        flopsOf(speedCase, resolved), "ok", note);
        log.printf(Locale.ROOT, "  %-13s %-9s L=%-5d %10.4f s  %7.1f GFLOP/s%s%n",
                m.configuration(), m.mode() + (m.mode().equals(resolved) ? "" : "→" + resolved), m.length(),
                m.medianSeconds(), m.gflopsPerSecond(), note.isEmpty() ? "" : "  (" + note + ")");
        return m;
    }

    /**
     * Measures every case.
     *
     * @param cases the cases, in order
     * @return their measurements
     */
    public List<SpeedMeasurement> measureAll(List<LmuSpeedCase> cases) {
        List<SpeedMeasurement> results = new ArrayList<>();
        for (LmuSpeedCase c : cases) {
            results.add(measure(c));
        }
        return results;
    }

    private String resolvedMode(Block block, LmuSpeedCase speedCase, Shape input) {
        if (speedCase.mode() != MemoryMode.AUTO) {
            return speedCase.mode().name();
        }
        LmuLayer lmu = (LmuLayer) ((SequentialBlock) block).getChildren().get(0).getValue();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            return lmu.getMemory().resolveMode(manager.zeros(input)).name();
        }
    }

    private static double flopsOf(LmuSpeedCase speedCase, String resolved) {
        MemoryMode mode = MemoryMode.valueOf(resolved);
        return new LmuSpeedCase(speedCase.sequence(), mode, speedCase.batch(), speedCase.length(), speedCase.order(),
                speedCase.hidden(), speedCase.classes()).flops();
    }
}
