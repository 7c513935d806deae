package io.parallellmu.benchmarks.suite;

import io.parallellmu.reports.schema.LearningCurvePoint;
import io.parallellmu.reports.schema.RunResult;
import java.util.List;

/**
 * One finished run: its results.csv row and its learning curves.
 *
 * @param result the result row
 * @param curves the learning-curve points
 */
public record RunOutcome(RunResult result, List<LearningCurvePoint> curves) {}
