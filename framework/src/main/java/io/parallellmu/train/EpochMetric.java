package io.parallellmu.train;

import io.parallellmu.vocabulary.Split;
/**
 * One learning-curve point, as given to {@link EpochMetricsListener}.
 *
 * @param epoch the 1-based epoch
 * @param split {@code train} or {@code validation}
 * @param metric the metric's name
 * @param value its value
 */
public record EpochMetric(int epoch, Split split, String metric, double value) {}
