package io.parallellmu.reports.schema;

/**
 * A run that started but did not finish, such as one whose loss diverged to NaN or infinity. It has
 * no result and is never averaged; a rerun tries it again and, when it finishes, removes it.
 *
 * @param key the run
 * @param epoch the epoch (from 1) in which it failed; 0 when unknown
 * @param reason what went wrong
 */
public record FailedRun(RunKey key, int epoch, String reason) {

    /**
     * Validates the fields.
     *
     * @param key the run
     * @param epoch the epoch (from 1) in which it failed; 0 when unknown
     * @param reason what went wrong
     * @throws IllegalArgumentException when a field is missing or the epoch is negative
     */
    public FailedRun {
        Checks.present(key, "key");
        Checks.present(reason, "reason");
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be at least 0, got " + epoch);
        }
    }
}
