package io.parallellmu.train;

import io.parallellmu.vocabulary.Split;
import java.util.List;

/**
 * What a call to {@link TrainingLoop#fit} did.
 *
 * @param steps optimizer steps done in total (including those before a resume)
 * @param epochsCompleted full epochs done
 * @param metricName the early-stopping metric ({@code loss} when no validation metric was given)
 * @param bestValue the best validation value, or NaN without validation
 * @param bestEpoch the 1-based epoch of the best value, or 0
 * @param stoppedEarly whether early stopping ended the run
 * @param reachedStepLimit whether {@code maxSteps} ended the run (mid-epoch, without a final checkpoint)
 * @param trainingSeconds wall time spent training, including the sessions before a resume
 * @param stepsPerSecond optimizer steps per second in this call
 * @param history every per-epoch metric, as given to the listeners
 */
public record TrainingResult(
        int steps,
        int epochsCompleted,
        String metricName,
        double bestValue,
        int bestEpoch,
        boolean stoppedEarly,
        boolean reachedStepLimit,
        double trainingSeconds,
        double stepsPerSecond,
        List<EpochMetric> history) {

    /**
     * Returns the value of one metric at one epoch.
     *
     * @param epoch the 1-based epoch
     * @param split {@code train} or {@code validation}
     * @param metric the metric's name
     * @return the value
     * @throws IllegalArgumentException if it was not reported
     */
    public double value(int epoch, Split split, String metric) {
        return history.stream()
                .filter(m -> m.epoch() == epoch && m.split() == split && m.metric().equals(metric))
                .mapToDouble(EpochMetric::value)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no " + split + " " + metric + " was reported for epoch " + epoch));
    }
}
