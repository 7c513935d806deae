package io.parallellmu.benchmarks.tasks;

/**
 * A trained model's score on the test split.
 *
 * @param metric the metric's name, as in {@code results.csv}: accuracy, nrmse, bpc or bleu
 * @param value its value
 * @param higherIsBetter whether a larger value is better
 */
public record TestScore(String metric, double value, boolean higherIsBetter) {}
