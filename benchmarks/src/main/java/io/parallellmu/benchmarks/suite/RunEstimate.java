package io.parallellmu.benchmarks.suite;

/**
 * What one planned run will cost, measured by {@link RunProbe}: one row of {@code suite --estimate}'s table.
 *
 * @param run the run, as task/family
 * @param parameters its trainable parameters
 * @param secondsPerStep seconds per training step after warm-up (NaN when it does not fit)
 * @param stepsPerEpoch training steps per epoch
 * @param epochs epochs
 * @param validationSeconds seconds of one validation pass (NaN when it does not fit)
 * @param testSeconds seconds of the test evaluation (NaN when it does not fit)
 * @param peakBytes peak memory of a full-batch step: measured, or predicted when it does not fit
 * @param limitBytes the limit it was checked against, or 0 when it fits
 */
record RunEstimate(String run, long parameters, double secondsPerStep, int stepsPerEpoch, int epochs,
        double validationSeconds, double testSeconds, long peakBytes, long limitBytes) {

    static RunEstimate timed(String run, long parameters, double secondsPerStep, int stepsPerEpoch, int epochs,
            double validationSeconds, double testSeconds, long peakBytes) {
        return new RunEstimate(run, parameters, secondsPerStep, stepsPerEpoch, epochs, validationSeconds, testSeconds,
                peakBytes, 0);
    }

    static RunEstimate tooLarge(String run, long parameters, int stepsPerEpoch, int epochs, long neededBytes,
            long limitBytes) {
        return new RunEstimate(run, parameters, Double.NaN, stepsPerEpoch, epochs, Double.NaN, Double.NaN,
                neededBytes, limitBytes);
    }

    /**
     * Tells whether the run fits the memory limit.
     *
     * @return whether it was timed
     */
    boolean fits() {
        return limitBytes == 0;
    }

    /**
     * Predicts the run's wall time: every epoch's training steps and validation pass, then the test evaluation.
     *
     * @return seconds, or NaN when it does not fit
     */
    double predictedSeconds() {
        return epochs * (stepsPerEpoch * secondsPerStep + validationSeconds) + testSeconds;
    }

    /**
     * Says why the run is skipped.
     *
     * @return the reason, naming the memory it needs and the limit
     */
    String skipReason() {
        return skipReason(peakBytes, limitBytes);
    }

    /**
     * Says why a run that needs more memory than the limit is skipped.
     *
     * @param neededBytes its predicted need
     * @param limitBytes the limit
     * @return the reason
     */
    static String skipReason(long neededBytes, long limitBytes) {
        return "needs about " + gigabytes(neededBytes) + " of memory for a full-batch training step, more than the "
                + gigabytes(limitBytes) + " limit";
    }

    /**
     * Formats bytes as gibibytes.
     *
     * @param bytes bytes
     * @return for example {@code 3.2 GiB}
     */
    static String gigabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
