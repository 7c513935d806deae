package io.parallellmu.benchmarks.suite;

import io.parallellmu.reports.schema.SkippedTask;
import java.nio.file.Path;
import java.util.List;

/**
 * What one suite invocation did.
 *
 * @param finished runs trained and recorded now
 * @param alreadyDone runs skipped because results.csv already held them
 * @param skipped tasks whose data could not be had
 * @param notStarted runs left for a later (resumed) invocation because --max-minutes ran out
 * @param report the Markdown report
 * @param wallSeconds this invocation's wall time
 * @param failed runs that started now but did not finish (diverged), recorded in failed.csv
 */
public record SuiteSummary(int finished, int alreadyDone, List<SkippedTask> skipped, int notStarted, Path report,
        double wallSeconds, int failed) {}
