package io.parallellmu.reports.schema;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One configuration of the training-speed study at one sequence length; one row of {@code
 * speed.csv}.
 *
 * <p>A row is either measured (status {@value #OK}, with a median step time) or not measured
 * (status such as "skipped: budget", with no time at all): a time is never estimated.
 *
 * @param configuration the configuration, for example "lmu-final" or "lstm-128"
 * @param mode the computation mode, for example "MATMUL", "FFT", "RAW" or "RECURRENT"
 * @param length the sequence length L
 * @param batch the batch size
 * @param parameters the number of trainable parameters
 * @param timedSteps the number of timed training steps (0 when not measured)
 * @param medianStepSeconds the median training-step time in seconds (forward, backward and
 *     optimizer), present exactly when the status is {@value #OK}
 * @param flops the floating-point operations of one training step (counted, not measured)
 * @param gflopsPerSecond {@code flops / medianStepSeconds / 1e9}, present with the time
 * @param peakRssBytes the process's peak resident set size, when it could be read
 * @param peakHeapBytes the JVM's peak heap use, when measured
 * @param speedupVsRecurrent the RECURRENT mode's median step time divided by this row's, so 200
 *     means 200 times faster than RECURRENT; empty when there is no RECURRENT time to compare to
 * @param status {@value #OK}, or why there is no time, for example "skipped: budget"
 * @param note anything a reader must know, for example "only 2 timed steps (slow)"; may be empty
 */
public record SpeedResult(
        String configuration,
        String mode,
        int length,
        int batch,
        long parameters,
        int timedSteps,
        OptionalDouble medianStepSeconds,
        double flops,
        OptionalDouble gflopsPerSecond,
        OptionalLong peakRssBytes,
        OptionalLong peakHeapBytes,
        OptionalDouble speedupVsRecurrent,
        String status,
        String note) {

    /** The status of a measured row. */
    public static final String OK = "ok";

    /** The mode every speed-up is measured against: the same model stepped in time (eq. 19). */
    public static final String RECURRENT = "RECURRENT";

    /** The prefix of the status of a row skipped because it would exceed the time budget. */
    public static final String SKIPPED_PREFIX = "skipped: ";

    /**
     * Validates the row.
     *
     * @param configuration the configuration, for example "lmu-final" or "lstm-128"
     * @param mode the computation mode, for example "MATMUL", "FFT", "RAW" or "RECURRENT"
     * @param length the sequence length L
     * @param batch the batch size
     * @param parameters the number of trainable parameters
     * @param timedSteps the number of timed training steps (0 when not measured)
     * @param medianStepSeconds the median training-step time in seconds (forward, backward and
     *     optimizer), present exactly when the status is {@value #OK}
     * @param flops the floating-point operations of one training step (counted, not measured)
     * @param gflopsPerSecond {@code flops / medianStepSeconds / 1e9}, present with the time
     * @param peakRssBytes the process's peak resident set size, when it could be read
     * @param peakHeapBytes the JVM's peak heap use, when measured
     * @param speedupVsRecurrent the RECURRENT mode's median step time divided by this row's,
     *     so 200 means 200 times faster than RECURRENT; empty when there is no RECURRENT time
     *     to compare to
     * @param status {@value #OK}, or why there is no time, for example "skipped: budget"
     * @param note anything a reader must know, for example "only 2 timed steps (slow)"; may
     *     be empty
     * @throws IllegalArgumentException naming the first invalid field, or when the time's
     *     presence does not match the status
     */
    public SpeedResult {
        new SpeedKey(configuration, mode, length, batch); // validates the identity
        Checks.atLeast(parameters, 0, "parameters");
        Checks.atLeast(timedSteps, 0, "timed steps");
        Checks.present(medianStepSeconds, "median step seconds");
        Checks.nonNegative(flops, "flops");
        Checks.present(gflopsPerSecond, "GFLOP/s");
        Checks.present(peakRssBytes, "peak RSS bytes");
        Checks.present(peakHeapBytes, "peak heap bytes");
        Checks.present(speedupVsRecurrent, "speed-up vs RECURRENT");
        Checks.nonBlank(status, "status");
        Checks.present(note, "note");
        boolean measured = status.equals(OK);
        if (measured != medianStepSeconds.isPresent()) {
            throw new IllegalArgumentException(measured
                    ? "a row with status ok needs a median step time"
                    : "a row with status '" + status + "' must not have a step time");
        }
        if (medianStepSeconds.isPresent()) {
            Checks.atLeast(timedSteps, 1, "timed steps");
            if (!(medianStepSeconds.getAsDouble() > 0)) {
                throw new IllegalArgumentException("median step seconds must be > 0, got "
                        + medianStepSeconds.getAsDouble());
            }
        }
        if (gflopsPerSecond.isPresent() != medianStepSeconds.isPresent()) {
            throw new IllegalArgumentException("GFLOP/s is present exactly when the time is");
        }
        peakRssBytes.ifPresent(bytes -> Checks.atLeast(bytes, 0, "peak RSS bytes"));
        peakHeapBytes.ifPresent(bytes -> Checks.atLeast(bytes, 0, "peak heap bytes"));
        speedupVsRecurrent.ifPresent(ratio -> Checks.nonNegative(ratio, "speed-up vs RECURRENT"));
    }

    /**
     * Returns the identity of this row.
     *
     * @return (configuration, mode, length, batch)
     */
    public SpeedKey key() {
        return new SpeedKey(configuration, mode, length, batch);
    }

    /**
     * Tells whether the row holds a measured time.
     *
     * @return true when the status is {@value #OK}
     */
    public boolean isMeasured() {
        return status.equals(OK);
    }

    /**
     * Returns a copy with the speed-up over RECURRENT filled in.
     *
     * @param recurrentSeconds the RECURRENT mode's median step time for the same model and L
     * @return a copy whose {@link #speedupVsRecurrent()} is {@code recurrentSeconds} divided by
     *     this row's time
     * @throws IllegalStateException when this row has no time
     */
    public SpeedResult withSpeedupOver(double recurrentSeconds) {
        if (!isMeasured()) {
            throw new IllegalStateException("row " + key() + " has no time (" + status + ")");
        }
        return new SpeedResult(configuration, mode, length, batch, parameters, timedSteps,
                medianStepSeconds, flops, gflopsPerSecond, peakRssBytes, peakHeapBytes,
                OptionalDouble.of(recurrentSeconds / medianStepSeconds.getAsDouble()), status,
                note);
    }

    /**
     * Creates a measured row; GFLOP/s is derived from the FLOP count and the time.
     *
     * @param key configuration, mode, length and batch
     * @param parameters trainable parameters
     * @param flops floating-point operations of one training step
     * @param timedSteps the number of timed steps, at least 1
     * @param medianStepSeconds the median step time in seconds
     * @param peakRssBytes the peak resident set size, empty when it cannot be read
     * @param peakHeapBytes the peak JVM heap use
     * @param note anything a reader must know (may be empty)
     * @return the row, status {@value #OK}, with no speed-up yet
     */
    public static SpeedResult measured(SpeedKey key, long parameters, double flops,
            int timedSteps, double medianStepSeconds, OptionalLong peakRssBytes,
            long peakHeapBytes, String note) {
        return new SpeedResult(key.configuration(), key.mode(), key.length(), key.batch(),
                parameters, timedSteps, OptionalDouble.of(medianStepSeconds), flops,
                OptionalDouble.of(flops / medianStepSeconds / 1e9), peakRssBytes,
                OptionalLong.of(peakHeapBytes), OptionalDouble.empty(), OK, note);
    }

    /**
     * Creates a row that was not measured.
     *
     * @param key configuration, mode, length and batch
     * @param parameters trainable parameters
     * @param flops floating-point operations of one training step
     * @param reason why, for example "budget"; the status becomes "skipped: budget"
     * @param note anything a reader must know (may be empty)
     * @return the row, with no time
     */
    public static SpeedResult skipped(
            SpeedKey key, long parameters, double flops, String reason, String note) {
        return new SpeedResult(key.configuration(), key.mode(), key.length(), key.batch(),
                parameters, 0, OptionalDouble.empty(), flops, OptionalDouble.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalDouble.empty(),
                SKIPPED_PREFIX + Checks.nonBlank(reason, "reason"), note);
    }
}
