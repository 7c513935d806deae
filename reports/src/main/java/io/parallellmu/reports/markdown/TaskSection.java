package io.parallellmu.reports.markdown;

import io.parallellmu.vocabulary.DataKind;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.reports.format.Units;
import io.parallellmu.reports.schema.PaperResult;
import io.parallellmu.reports.schema.RunResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One task's section: the data used, a row per family and configuration (exact parameter count, how many seeds
 * ran, metric, epochs, training time in all and per epoch), the paper's figures with their notes, and the learning-curve charts.
 */
public final class TaskSection {

    private TaskSection() {}

    /** What the runs of one table row share. */
    private record RowKey(ModelFamily model, String config, DataKind kind, String source) {}

    /**
     * Renders the section.
     *
     * @param task the task
     * @param results the task's finished runs, at least one
     * @param charts the task's learning-curve charts
     * @param figures the task's published figures
     * @return Markdown starting with a level-3 heading
     */
    public static String render(TaskId task, List<RunResult> results, List<ChartLink> charts,
            List<PaperResult> figures) {
        StringBuilder out = new StringBuilder("### " + task.displayName() + "\n\n");
        out.append("Data:\n");
        results.stream().sorted(RunGroup.ORDER)
                .map(r -> "- " + r.dataKind().id() + " `" + r.dataSource() + "`, checksum `"
                        + r.dataChecksum() + "`, splits " + r.splitSizes() + "\n")
                .distinct()
                .forEach(out::append);
        out.append('\n').append(runTable(results));
        if (!figures.isEmpty()) {
            out.append("\nPaper figures:\n");
            figures.forEach(figure -> out.append("- ").append(figure(figure)).append('\n'));
        }
        if (!charts.isEmpty()) {
            out.append("\nLearning curves:\n\n").append(charts.stream().map(ChartLink::markdown)
                    .collect(Collectors.joining("\n")));
        }
        return out.toString();
    }

    private static String runTable(List<RunResult> results) {
        RunResult any = results.get(0);
        MarkdownTable table = new MarkdownTable("Family", "Config", "Data", "Params", "Seeds",
                Arrows.metric(any.metric(), any.metricDirection()), "Best epoch", "Epochs",
                "Train time (mean)", "Time/epoch (mean)", "Steps/s", "Device");
        Map<RowKey, RunGroup> rows = RunGroup.by(results,
                r -> new RowKey(r.model(), r.config(), r.dataKind(), r.dataSource()));
        for (RunGroup row : rows.values()) {
            RunResult first = row.first();
            table.addRow(first.model().displayName(), first.config(), first.dataKind().id(),
                    row.distinct(r -> String.format(Locale.ROOT, "%,d", r.parameters())),
                    Integer.toString(row.runs().size()),
                    row.format().meanStd(row.metric()),
                    row.each(r -> Integer.toString(r.bestEpoch())),
                    row.distinct(r -> Integer.toString(r.epochs())),
                    Units.duration(row.trainSeconds().mean()),
                    Units.duration(row.runs().stream().mapToDouble(r -> r.trainSeconds() / r.epochs()).average()
                            .orElseThrow()),
                    Units.significant(row.runs().stream()
                            .mapToDouble(RunResult::stepsPerSecond).average().orElseThrow()),
                    row.distinct(RunResult::device));
        }
        return table.render();
    }

    private static String figure(PaperResult figure) {
        String note = figure.note().isEmpty() ? "" : ", " + figure.note();
        return SummaryTable.paperCell(List.of(figure)) + note + " — " + figure.source() + ".";
    }
}
