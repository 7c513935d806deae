package io.parallellmu.benchmarks.speed;

/**
 * One configuration's measured training step.
 *
 * @param configuration the model configuration, such as {@code lmu-final}
 * @param mode the requested memory mode
 * @param resolvedMode the mode that ran (differs from {@code mode} for AUTO)
 * @param batch B
 * @param length L
 * @param parameters the parameter count
 * @param timedSteps how many steps were timed (0 when skipped)
 * @param medianSeconds the median step time, or NaN when skipped
 * @param flops the FLOPs of one step
 * @param status {@code ok} or {@code skipped: budget}
 * @param note anything a reader must know, such as fewer timed steps
 */
public record SpeedMeasurement(
        String configuration,
        String mode,
        String resolvedMode,
        int batch,
        int length,
        long parameters,
        int timedSteps,
        double medianSeconds,
        double flops,
        String status,
        String note) {

    /**
     * Returns whether the configuration was measured.
     *
     * @return true unless skipped
     */
    public boolean measured() {
        return "ok".equals(status);
    }

    /**
     * Returns the achieved FLOP rate.
     *
     * @return GFLOP/s, or NaN when skipped
     */
    public double gflopsPerSecond() {
        return flops / medianSeconds / 1e9;
    }
}
