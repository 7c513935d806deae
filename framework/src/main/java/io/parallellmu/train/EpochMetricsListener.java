package io.parallellmu.train;

/**
 * Receives one number per epoch, split and metric, for learning curves.
 *
 * <p>The loop reports, after every epoch: ("train", "loss") — the mean training loss over the epoch's batches;
 * ("train", "steps_per_second"); and, when there is a validation set, ("validation", "loss") and
 * ("validation", metric name).
 */
@FunctionalInterface
public interface EpochMetricsListener {

    /**
     * Called once per epoch, split and metric.
     *
     * @param epoch the 1-based epoch
     * @param split {@code train} or {@code validation}
     * @param metric the metric's name
     * @param value its value
     */
    void onEpochMetric(int epoch, String split, String metric, double value);
}
