package io.parallellmu.benchmarks.suite;

import io.parallellmu.reports.schema.FailedRun;
import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.reports.schema.SkippedTask;
import java.util.Objects;

/**
 * How one planned run ended, as an engine hands it back to the suite, which records it exactly as a local run does.
 * Exactly one of {@code outcome}, {@code failure}, {@code skippedTask} and {@code tooLarge} is set.
 *
 * @param key the run
 * @param outcome its result row and curves when it finished
 * @param failure why it failed (diverged, or the engine gave up on it)
 * @param skippedTask why its task's data could not be had, and how to provide it
 * @param tooLarge why it was not started: it would not fit in memory
 */
public record RunReport(RunKey key, RunOutcome outcome, FailedRun failure, SkippedTask skippedTask, String tooLarge) {

    /** Checks that exactly one ending is given. */
    public RunReport {
        Objects.requireNonNull(key, "key");
        long endings = java.util.stream.Stream.of(outcome, failure, skippedTask, tooLarge).filter(Objects::nonNull)
                .count();
        if (endings != 1) {
            throw new IllegalArgumentException(key + ": a run ends exactly one way, got " + endings);
        }
    }

    /**
     * A finished run.
     *
     * @param key the run
     * @param outcome its result row and curves
     * @return the report
     */
    public static RunReport finished(RunKey key, RunOutcome outcome) {
        return new RunReport(key, outcome, null, null, null);
    }

    /**
     * A failed run.
     *
     * @param failure the run, the epoch it failed in (0 when unknown) and why
     * @return the report
     */
    public static RunReport failed(FailedRun failure) {
        return new RunReport(failure.key(), null, failure, null, null);
    }

    /**
     * A run whose task's data could not be had.
     *
     * @param key the run
     * @param skip the task, why and how to provide its data
     * @return the report
     */
    public static RunReport skipped(RunKey key, SkippedTask skip) {
        return new RunReport(key, null, null, skip, null);
    }

    /**
     * A run too large for the memory limit.
     *
     * @param key the run
     * @param reason what it needs against what there is
     * @return the report
     */
    public static RunReport tooLarge(RunKey key, String reason) {
        return new RunReport(key, null, null, null, reason);
    }
}
