package io.parallellmu.reports.markdown;

import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.reports.schema.ReportInputs;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.reports.store.PaperResults;
import java.util.List;

/**
 * The whole {@code report.md}: summary, one section per task, skipped tasks, the speed study
 * when there are speed results, and provenance.
 */
public final class MarkdownReport {

    private MarkdownReport() {}

    /**
     * Renders the report.
     *
     * @param inputs the rows to report
     * @param paper the published figures
     * @param charts the charts already written, which the report links to
     * @return the Markdown text
     */
    public static String render(ReportInputs inputs, PaperResults paper, ReportCharts charts) {
        StringBuilder out = new StringBuilder("# parallel-lmu benchmark report\n\n");
        out.append("Reproduction of \"Parallelizing Legendre Memory Unit Training\" (Chilkuri &"
                + " Eliasmith, ICML 2021): ").append(inputs.results().size())
                .append(" finished runs. Read the Data column before comparing with the paper:"
                        + " only **official** rows use the paper's data sets.\n\n");
        out.append("## Summary\n\n")
                .append(SummaryTable.render(inputs.results(), inputs.skipped(), paper));
        out.append("\n## Tasks\n\n");
        if (inputs.results().isEmpty()) {
            out.append("No run has finished.\n\n");
        }
        for (TaskId task : TaskId.values()) {
            List<RunResult> taskResults =
                    inputs.results().stream().filter(r -> r.task() == task).toList();
            if (!taskResults.isEmpty()) {
                out.append(TaskSection.render(task, taskResults, charts.learningCurves(task),
                        paper.forTask(task))).append('\n');
            }
        }
        out.append(SkippedSection.render(inputs.skipped()));
        String failed = FailedSection.render(inputs.failed());
        if (!failed.isEmpty()) {
            out.append('\n').append(failed);
        }
        if (!inputs.speed().isEmpty()) {
            out.append('\n').append(SpeedSection.render(inputs.speed(), charts.speed()));
        }
        out.append('\n').append(ProvenanceSection.render(inputs.provenance(), inputs.results()));
        return out.toString();
    }
}
