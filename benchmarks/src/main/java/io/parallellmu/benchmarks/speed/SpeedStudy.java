package io.parallellmu.benchmarks.speed;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.parallellmu.reports.schema.SpeedKey;
import io.parallellmu.reports.schema.SpeedResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Times every case within a time budget per case and expresses each time against RECURRENT measured in
 * the same run. A case that cannot fit two timed steps in the budget is reported as {@code skipped:
 * budget}, never estimated.
 */
public final class SpeedStudy {

    /** The configuration whose RECURRENT mode is the yardstick for families without one of their own. */
    public static final String COMMON_BASELINE = "lmu-final";

    private static final int MAX_TIMED_STEPS = 500;
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final TrainingStepTimer timer;
    private final int warmupSteps;
    private final int timedSteps;
    private final double warmupSeconds;
    private final double timedSeconds;
    private final double budgetSeconds;
    private final double memoryLimitBytes;
    private final PrintStream log;

    /**
     * Creates the study.
     *
     * @param device where to train
     * @param warmupSteps untimed steps before timing
     * @param timedSteps timed steps wanted (the median is reported); a slow case may time fewer, but at
     *     least 2 (or {@code timedSteps} if smaller)
     * @param warmupSeconds warm-up seconds at least, on top of the steps, for fast cases (the JIT needs them)
     * @param timedSeconds timed seconds at least, on top of the steps, for fast cases
     * @param budgetSeconds the most one case may take
     * @param memoryLimitBytes cases known to need more are skipped
     * @param log where progress goes
     */
    public SpeedStudy(
            Device device,
            int warmupSteps,
            int timedSteps,
            double warmupSeconds,
            double timedSeconds,
            double budgetSeconds,
            double memoryLimitBytes,
            PrintStream log) {
        if (warmupSteps < 0 || timedSteps < 1) {
            throw new IllegalArgumentException(
                    "need at least 0 warm-up and 1 timed steps, got " + warmupSteps + " and " + timedSteps);
        }
        this.timer = new TrainingStepTimer(device);
        this.warmupSteps = warmupSteps;
        this.timedSteps = timedSteps;
        this.warmupSeconds = warmupSeconds;
        this.timedSeconds = timedSeconds;
        this.budgetSeconds = budgetSeconds;
        this.memoryLimitBytes = memoryLimitBytes;
        this.log = log;
    }

    /** Counts a block's parameters by initialising it on a tiny input, without running it. */
    private static long parameterCount(Block block) {
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 4, 1));
            return block.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
        }
    }

    /**
     * Measures every case, then fills in each row's speed-up over RECURRENT of the same configuration
     * and length where that was measured.
     *
     * @param cases the cases, in order
     * @return one row per case
     */
    public List<SpeedResult> measureAll(List<? extends SpeedCase> cases) {
        List<SpeedResult> rows = new ArrayList<>();
        for (SpeedCase c : cases) {
            rows.add(measure(c));
        }
        List<SpeedResult> withRatios = new ArrayList<>();
        for (SpeedResult row : rows) {
            Optional<SpeedResult> baseline = baseline(rows, row);
            withRatios.add(row.isMeasured() && baseline.isPresent()
                    ? row.withSpeedupOver(baseline.get().medianStepSeconds().getAsDouble())
                    : row);
        }
        return withRatios;
    }

    /**
     * Returns the row a row's speed-up is measured against, at the same length: the same configuration's
     * RECURRENT mode where it has one (the same weights computed step by step), else the final-state
     * LMU's RECURRENT mode ({@value #COMMON_BASELINE}), the common yardstick for other families.
     *
     * @param rows every row of the run
     * @param row the row to compare
     * @return the measured baseline row, if any
     */
    static Optional<SpeedResult> baseline(List<SpeedResult> rows, SpeedResult row) {
        Optional<SpeedResult> own = recurrent(rows, row.configuration(), row.length());
        return own.isPresent() ? own : recurrent(rows, COMMON_BASELINE, row.length());
    }

    private static Optional<SpeedResult> recurrent(List<SpeedResult> rows, String configuration, int length) {
        return rows.stream()
                .filter(SpeedResult::isMeasured)
                .filter(b -> b.mode().equals(SpeedResult.RECURRENT))
                .filter(b -> b.configuration().equals(configuration) && b.length() == length)
                .findFirst();
    }

    /**
     * Measures one case.
     *
     * @param speedCase the case
     * @return its row
     */
    public SpeedResult measure(SpeedCase speedCase) {
        SpeedKey key = new SpeedKey(speedCase.configuration(), speedCase.mode(), speedCase.length(), speedCase.batch());
        if (speedCase.minimumBytes() > memoryLimitBytes) {
            String note = String.format(Locale.ROOT, "needs at least %.1f GiB; the limit is %.1f GiB",
                    speedCase.minimumBytes() / GIB, memoryLimitBytes / GIB);
            log.printf(Locale.ROOT, "  %-14s %-9s L=%-5d skipped: memory (%s)%n", key.configuration(), key.mode(), key.length(), note);
            Block unrun = speedCase.build();
            return SpeedResult.skipped(key, parameterCount(unrun), speedCase.flops(unrun), "memory", note);
        }
        PeakMemory.reset();
        // One untimed probe step tells how long a step takes, so the budget holds before committing to more.
        Block probeBlock = speedCase.build();
        TrainingStepTimer.Timing probe =
                timer.time(probeBlock, speedCase.inputShape(), SpeedCase.CLASSES, new TrainingStepTimer.Plan(0, 0, 1, 0, 1));
        double probeSeconds = probe.stepSeconds()[0];
        int affordable = (int) Math.floor(budgetSeconds / probeSeconds) - warmupSteps;
        if (affordable < Math.min(2, timedSteps)) {
            String note = String.format(Locale.ROOT, "one untimed step took %.1f s; budget %.0f s", probeSeconds, budgetSeconds);
            log.printf(Locale.ROOT, "  %-14s %-9s L=%-5d skipped: budget (%s)%n", key.configuration(), key.mode(), key.length(), note);
            return SpeedResult.skipped(key, probe.parameters(), speedCase.flops(probeBlock), "budget", note);
        }
        int steps = Math.min(timedSteps, affordable);
        Block block = speedCase.build();
        // Fast steps get a few seconds of warm-up and timing on top of the step counts, within the budget.
        double spare = Math.max(0, budgetSeconds - probeSeconds * (warmupSteps + steps));
        TrainingStepTimer.Plan plan =
                new TrainingStepTimer.Plan(
                        warmupSteps, Math.min(warmupSeconds, spare / 2), steps, Math.min(timedSeconds, spare / 2), MAX_TIMED_STEPS);
        TrainingStepTimer.Timing timing = timer.time(block, speedCase.inputShape(), SpeedCase.CLASSES, plan);
        steps = timing.stepSeconds().length;
        List<String> notes = new ArrayList<>();
        if (!speedCase.note(block).isEmpty()) {
            notes.add(speedCase.note(block));
        }
        if (steps < Math.min(timedSteps, MAX_TIMED_STEPS)) {
            notes.add("slow: " + steps + " timed steps instead of " + timedSteps);
        }
        SpeedResult row =
                SpeedResult.measured(key, timing.parameters(), speedCase.flops(block), steps, timing.medianSeconds(),
                        PeakMemory.peakRssBytes(), PeakMemory.peakHeapBytes(), String.join("; ", notes));
        log.printf(Locale.ROOT, "  %-14s %-9s L=%-5d %10.4f s  %7.1f GFLOP/s  %s%n", key.configuration(), key.mode(),
                key.length(), timing.medianSeconds(), row.gflopsPerSecond().getAsDouble(), row.note());
        return row;
    }
}
