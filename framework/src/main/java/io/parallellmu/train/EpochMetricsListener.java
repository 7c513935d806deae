package io.parallellmu.train;

import io.parallellmu.vocabulary.Split;
/**
 * Receives one number per epoch, split and metric, for learning curves.
 *
 * <p>The loop reports, after every epoch: (TRAIN, "loss") — the mean training loss over the epoch's batches;
 * (TRAIN, "steps_per_second"); and, when there is a validation set, (VALIDATION, "loss") and
 * (VALIDATION, metric name).
 */
@FunctionalInterface
public interface EpochMetricsListener {

    /**
     * Called once per epoch, split and metric.
     *
     * @param epoch the 1-based epoch
     * @param split {@link Split#TRAIN} or {@link Split#VALIDATION}
     * @param metric the metric's name
     * @param value its value
     */
    void onEpochMetric(int epoch, Split split, String metric, double value);
}
