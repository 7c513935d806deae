package io.parallellmu.reports;

import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.reports.chart.ChartFiles;
import io.parallellmu.reports.chart.LearningCurveChart;
import io.parallellmu.reports.chart.SpeedChart;
import io.parallellmu.reports.markdown.ChartLink;
import io.parallellmu.reports.markdown.MarkdownReport;
import io.parallellmu.reports.markdown.ReportCharts;
import io.parallellmu.reports.schema.ReportInputs;
import io.parallellmu.reports.store.AtomicFiles;
import io.parallellmu.reports.store.PaperResults;
import io.parallellmu.reports.store.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a whole report: the charts under {@code out/charts} and {@code out/report.md}, which
 * links to them. It reads nothing but its inputs and reruns nothing.
 */
public final class ReportGenerator {

    /**
     * What was written.
     *
     * @param report the Markdown report
     * @param charts every chart file, PNG and SVG
     */
    public record WrittenReport(Path report, List<Path> charts) {}

    private ReportGenerator() {}

    /**
     * Writes the report and its charts, with the bundled paper figures.
     *
     * @param inputs the rows to report
     * @param out the output directory, created if missing
     * @return the files written
     * @throws IOException when a file cannot be written
     */
    public static WrittenReport generate(ReportInputs inputs, Path out) throws IOException {
        RunDirectory layout = new RunDirectory(out);
        List<Path> written = new ArrayList<>();
        Map<TaskId, List<ChartLink>> curveLinks = new EnumMap<>(TaskId.class);
        for (Map.Entry<TaskId, List<ChartFiles>> task :
                LearningCurveChart.writeAll(inputs.curves(), layout.charts()).entrySet()) {
            List<ChartLink> links = new ArrayList<>();
            for (ChartFiles chart : task.getValue()) {
                links.add(link(chart, out, written));
            }
            curveLinks.put(task.getKey(), links);
        }
        Optional<ChartFiles> speedChart = SpeedChart.write(inputs.speed(), layout.charts());
        Optional<ChartLink> speedLink = speedChart.map(chart -> link(chart, out, written));
        String markdown = MarkdownReport.render(
                inputs, PaperResults.bundled(), new ReportCharts(curveLinks, speedLink));
        AtomicFiles.writeString(layout.report(), markdown);
        return new WrittenReport(layout.report(), List.copyOf(written));
    }

    private static ChartLink link(ChartFiles chart, Path out, List<Path> written) {
        written.add(chart.png());
        written.add(chart.svg());
        return new ChartLink(chart.title(), relative(out, chart.png()), relative(out, chart.svg()));
    }

    private static String relative(Path out, Path file) {
        return out.toAbsolutePath().relativize(file.toAbsolutePath()).toString()
                .replace('\\', '/');
    }
}
