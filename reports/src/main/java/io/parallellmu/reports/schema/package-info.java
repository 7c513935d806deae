/**
 * The result schema: immutable records with exactly the columns of the result files.
 *
 * <p>{@link io.parallellmu.reports.schema.RunResult} is one row of {@code results.csv} (one
 * training run), {@link io.parallellmu.reports.schema.LearningCurvePoint} one row of {@code
 * curves.csv}, {@link io.parallellmu.reports.schema.SpeedResult} one row of {@code speed.csv} and
 * {@link io.parallellmu.reports.schema.SkippedTask} one row of {@code skipped.csv}. Every record
 * validates itself on construction, so a value that exists is a valid one.
 *
 * <p>Conventions shared by all records: task ids and family ids are those of {@link
 * io.parallellmu.vocabulary.TaskId} and {@link io.parallellmu.vocabulary.ModelFamily};
 * accuracy is a fraction in [0, 1] (the report shows it as a percentage); epochs count from 1.
 */
package io.parallellmu.reports.schema;
