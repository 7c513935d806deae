package io.parallellmu.reports.schema;

import io.parallellmu.vocabulary.Split;

/**
 * Identifies a learning-curve point: rewriting it replaces the old value.
 *
 * @param run the run
 * @param epoch the epoch, from 1
 * @param split the split
 * @param metric the metric
 */
public record CurvePointKey(RunKey run, int epoch, Split split, String metric) {}
