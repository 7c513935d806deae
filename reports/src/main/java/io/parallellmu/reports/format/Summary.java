package io.parallellmu.reports.format;

import java.util.Collection;

/**
 * The mean and sample standard deviation of a metric over seeds.
 *
 * @param count the number of values, at least 1
 * @param mean their mean
 * @param std their sample standard deviation (divisor count - 1); 0 for a single value
 */
public record Summary(int count, double mean, double std) {

    /**
     * Validates the summary.
     *
     * @param count the number of values, at least 1
     * @param mean their mean
     * @param std their sample standard deviation (divisor count - 1); 0 for a single value
     * @throws IllegalArgumentException when count &lt; 1
     */
    public Summary {
        if (count < 1) {
            throw new IllegalArgumentException("a summary needs at least one value");
        }
    }

    /**
     * Summarises values.
     *
     * @param values at least one value; a NaN makes the mean and deviation NaN
     * @return their count, mean and sample standard deviation
     * @throws IllegalArgumentException when there is no value
     */
    public static Summary of(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a summary needs at least one value");
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
        if (values.size() == 1) {
            return new Summary(1, mean, 0);
        }
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return new Summary(values.size(), mean, Math.sqrt(squares / (values.size() - 1)));
    }
}
