/**
 * Reports for the parallel-lmu benchmarks: turns result files into {@code report.md} and charts.
 *
 * <p>The module reads results only; it never trains or loads a model. Its pieces are:
 *
 * <ul>
 *   <li>{@link io.parallellmu.reports.schema}: the immutable records written per run, per epoch,
 *       per speed configuration and per skipped task;
 *   <li>{@link io.parallellmu.reports.store}: the CSV and JSON files holding them, with atomic
 *       appends so an interrupted suite never corrupts its results;
 *   <li>{@link io.parallellmu.reports.markdown} and {@link io.parallellmu.reports.chart}: the
 *       Markdown sections and the XChart charts;
 *   <li>{@link io.parallellmu.reports.compare}: the difference between two result files;
 *   <li>{@link io.parallellmu.reports.cli}: the picocli {@code report} and {@code compare}
 *       commands, registered as subcommands by the benchmarks CLI.
 * </ul>
 *
 * <p>{@link io.parallellmu.reports.ReportGenerator} is the one call that writes a whole report.
 */
package io.parallellmu.reports;
