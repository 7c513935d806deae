package io.parallellmu.reports.markdown;

import io.parallellmu.reports.schema.MetricDirection;

/** The arrow that says which way a metric is better. */
final class Arrows {

    private Arrows() {}

    static String metric(String metric, MetricDirection direction) {
        return metric + (direction == MetricDirection.HIGHER ? " ↑" : " ↓");
    }
}
