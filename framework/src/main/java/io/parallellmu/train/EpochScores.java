package io.parallellmu.train;

import java.util.OptionalDouble;

/**
 * What one epoch scored.
 *
 * @param epoch the 1-based epoch
 * @param trainLoss the mean training loss over the epoch's batches
 * @param stepsPerSecond optimizer steps per second in this session so far
 * @param validation the validation scores, or {@code null} without validation data
 */
record EpochScores(int epoch, double trainLoss, double stepsPerSecond, Validation validation) {

    /**
     * Scores on the validation data.
     *
     * @param loss the mean loss per example
     * @param metric the validation metric, if the loop has one
     */
    record Validation(double loss, OptionalDouble metric) {

        /**
         * Returns the value early stopping and the best checkpoint follow.
         *
         * @return the metric, or the loss without one
         */
        double tracked() {
            return metric.orElse(loss);
        }
    }
}
