package io.parallellmu.train;

import ai.djl.training.tracker.Tracker;

/** Learning-rate schedules built from DJL trackers. */
public final class LearningRates {

    private LearningRates() {}

    /**
     * Linear warm-up from 0 to {@code peak} over {@code warmUpSteps}, then cosine decay to {@code finalValue} at
     * {@code totalSteps}, and {@code finalValue} after.
     *
     * @param peak the learning rate at the end of warm-up, positive
     * @param finalValue the learning rate at the end, in [0, peak)
     * @param warmUpSteps warm-up length, at least 0 and below {@code totalSteps}
     * @param totalSteps the planned number of optimizer steps
     * @return the schedule
     */
    public static Tracker warmUpCosine(float peak, float finalValue, int warmUpSteps, int totalSteps) {
        if (!(peak > 0)) {
            throw new IllegalArgumentException("peak learning rate must be positive, got " + peak);
        }
        if (!(finalValue >= 0 && finalValue < peak)) {
            throw new IllegalArgumentException("final learning rate must be in [0, " + peak + "), got " + finalValue);
        }
        if (warmUpSteps < 0 || warmUpSteps >= totalSteps) {
            throw new IllegalArgumentException(
                    "warmUpSteps must be in [0, totalSteps=" + totalSteps + "), got " + warmUpSteps);
        }
        Tracker cosine = Tracker.cosine()
                .setBaseValue(peak)
                .optFinalValue(finalValue)
                .setMaxUpdates(totalSteps - warmUpSteps)
                .build();
        return Tracker.warmUp().setMainTracker(cosine).optWarmUpSteps(warmUpSteps).optWarmUpBeginValue(0f).build();
    }
}
