package io.parallellmu.metrics;

import ai.djl.ndarray.NDList;

/** A metric accumulated over the batches of one split, then read once. */
public interface Metric {

    /**
     * Returns the metric's short name, as used in result files (for example {@code accuracy}).
     *
     * @return the name
     */
    String name();

    /**
     * Returns whether a larger value is better.
     *
     * @return {@code true} for accuracy-like metrics, {@code false} for error-like metrics
     */
    boolean higherIsBetter();

    /** Forgets everything accumulated so far. */
    void reset();

    /**
     * Adds one batch.
     *
     * @param labels the batch's labels
     * @param predictions the model's outputs for the batch
     */
    void update(NDList labels, NDList predictions);

    /**
     * Returns the metric over everything added since the last reset.
     *
     * @return the value
     * @throws IllegalStateException if nothing was added
     */
    double value();
}
