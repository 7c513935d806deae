package io.parallellmu.reports.schema;

import io.parallellmu.vocabulary.Identified;
/** Whether a higher or a lower value of a metric is better. */
public enum MetricDirection implements Identified {
    /** Higher is better (accuracy, BLEU). */
    HIGHER("higher"),
    /** Lower is better (NRMSE, bits per character, loss). */
    LOWER("lower");

    private final String id;

    MetricDirection(String id) {
        this.id = id;
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return id;
    }

    /**
     * Tells whether {@code candidate} is strictly better than {@code reference}.
     *
     * @param candidate the new value
     * @param reference the value compared against
     * @return true when the candidate improves on the reference in this direction
     */
    public boolean isBetter(double candidate, double reference) {
        return this == HIGHER ? candidate > reference : candidate < reference;
    }

    /**
     * Looks a direction up by id.
     *
     * @param id "higher" or "lower"
     * @return the direction
     * @throws IllegalArgumentException listing the valid ids when {@code id} is unknown
     */
    public static MetricDirection fromId(String id) {
        return Identified.fromId(MetricDirection.class, id, "metric direction");
    }
}
