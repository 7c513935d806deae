package io.parallellmu.reports.markdown;

import io.parallellmu.vocabulary.DataKind;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.reports.format.MetricFormat;
import io.parallellmu.reports.format.Units;
import io.parallellmu.reports.schema.PaperResult;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.reports.schema.SkippedTask;
import io.parallellmu.reports.store.PaperResults;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The report's summary: a row per task and data set, a column per model family (mean ± std over
 * seeds and the parameter count), the paper's figure, and a data column that keeps stand-in
 * numbers from being read as the paper's.
 */
public final class SummaryTable {

    private static final String NOT_RUN = "—";

    private SummaryTable() {}

    /** What the runs of one summary row share. */
    private record RowKey(TaskId task, DataKind kind, String source, String metric) {}

    /**
     * Renders the table and its legend.
     *
     * @param results every finished run
     * @param skipped the skipped tasks; a skipped task without results gets a "skipped" row and
     *     is never averaged
     * @param paper the published figures
     * @return Markdown: the table, then the legend and the figures' sources
     */
    public static String render(
            List<RunResult> results, List<SkippedTask> skipped, PaperResults paper) {
        List<String> headers = new ArrayList<>(List.of("Task", "Metric", "Data"));
        Arrays.stream(ModelFamily.values()).map(ModelFamily::displayName).forEach(headers::add);
        headers.add("Paper");
        MarkdownTable table = new MarkdownTable(headers.toArray(String[]::new));
        Map<RowKey, RunGroup> rows = RunGroup.by(results, r ->
                new RowKey(r.task(), r.dataKind(), r.dataSource(), r.metric()));
        List<TaskId> shown = tasksWithContent(results, skipped);
        for (TaskId task : shown) {
            List<RunGroup> taskRows = rows.entrySet().stream()
                    .filter(entry -> entry.getKey().task() == task)
                    .sorted(Map.Entry.comparingByKey(Comparator.comparing(RowKey::kind)
                            .thenComparing(RowKey::source)
                            .thenComparing(RowKey::metric)))
                    .map(Map.Entry::getValue)
                    .toList();
            if (taskRows.isEmpty()) {
                table.addRow(skippedRow(task, paper));
            }
            taskRows.forEach(group -> table.addRow(resultRow(group, paper)));
        }
        return table.render() + "\n" + legend(shown, paper);
    }

    /**
     * The data kind and the source's name: the source without a repeated kind prefix, and cut before its
     * particulars, which follow a ": " (a generator's settings) or a " [" (the package versions of a stand-in). The
     * task's section gives the source in full with its checksum.
     */
    private static String dataCell(RunResult run) {
        String kind = run.dataKind().id();
        String source = run.dataSource();
        if (source.startsWith(kind + ": ")) {
            source = source.substring(kind.length() + 2);
        }
        for (String particulars : new String[] {": ", " ["}) {
            int at = source.indexOf(particulars);
            if (at > 0) {
                source = source.substring(0, at);
            }
        }
        return kind + ": " + source;
    }

    private static String[] resultRow(RunGroup row, PaperResults paper) {
        RunResult first = row.first();
        List<String> cells = new ArrayList<>(List.of(first.task().displayName(),
                Arrows.metric(first.metric(), first.metricDirection()),
                dataCell(first)));
        for (ModelFamily family : ModelFamily.values()) {
            List<RunResult> runs = row.runs().stream().filter(r -> r.model() == family).toList();
            cells.add(runs.isEmpty() ? NOT_RUN : familyCell(runs));
        }
        cells.add(paperCell(paper.forTask(first.task())));
        return cells.toArray(String[]::new);
    }

    private static String familyCell(List<RunResult> runs) {
        Map<String, RunGroup> configs = RunGroup.by(runs, RunResult::config);
        if (configs.size() == 1) {
            return configs.values().iterator().next().metricCell();
        }
        return configs.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue().metricCell())
                .collect(Collectors.joining("\n"));
    }

    private static String[] skippedRow(TaskId task, PaperResults paper) {
        List<PaperResult> figures = paper.forTask(task);
        List<String> cells = new ArrayList<>(List.of(task.displayName(),
                figures.isEmpty() ? NOT_RUN : figures.get(0).metric(), "skipped"));
        Arrays.stream(ModelFamily.values()).forEach(family -> cells.add(NOT_RUN));
        cells.add(paperCell(figures));
        return cells.toArray(String[]::new);
    }

    /**
     * Shows the published figures of one task.
     *
     * @param figures the task's figures
     * @return for example "LMU 98.49% (165k)"; "n/a" for an unknown value; "—" for no figure
     */
    static String paperCell(List<PaperResult> figures) {
        if (figures.isEmpty()) {
            return NOT_RUN;
        }
        return figures.stream().map(figure -> figure.label() + " "
                + (figure.value().isPresent()
                        ? MetricFormat.of(figure.metric()).value(figure.value().getAsDouble())
                        : "n/a")
                + (figure.parameters().isPresent()
                        ? " (" + Units.parameters(figure.parameters().getAsLong()) + ")"
                        : ""))
                .collect(Collectors.joining("; "));
    }

    private static String legend(List<TaskId> shown, PaperResults paper) {
        StringBuilder out = new StringBuilder();
        out.append("Each model cell: mean ± sample standard deviation over seeds (parameter count,"
                + " number of seeds); ↑ higher is better, ↓ lower is better; "
                + NOT_RUN + " not run.\n\n");
        out.append("Data: ").append(Arrays.stream(DataKind.values())
                .map(kind -> "**" + kind.id() + "** = " + kind.meaning())
                .collect(Collectors.joining("; "))).append(".\n");
        Map<String, List<String>> tasksBySource = new LinkedHashMap<>();
        paper.all().stream().filter(figure -> shown.contains(figure.task())).forEach(figure ->
                tasksBySource.computeIfAbsent(figure.source(), s -> new ArrayList<>())
                        .add(figure.task().displayName()));
        if (!tasksBySource.isEmpty()) {
            out.append("\nPaper figures:\n");
            tasksBySource.forEach((source, tasks) -> out.append("- ").append(source).append(": ")
                    .append(tasks.stream().distinct().collect(Collectors.joining(", ")))
                    .append('\n'));
        }
        return out.toString();
    }

    /**
     * Returns the tasks that have results or a skip, in task order.
     *
     * @param results the finished runs
     * @param skipped the skipped tasks
     * @return the tasks the report has something to say about
     */
    static List<TaskId> tasksWithContent(List<RunResult> results, List<SkippedTask> skipped) {
        Set<TaskId> tasks = Stream.concat(results.stream().map(RunResult::task),
                skipped.stream().map(SkippedTask::task)).collect(Collectors.toSet());
        return Arrays.stream(TaskId.values()).filter(tasks::contains).toList();
    }
}
