package io.parallellmu.reports.compare;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.reports.markdown.MarkdownTable;
import io.parallellmu.reports.markdown.RunGroup;
import io.parallellmu.reports.schema.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Compares two sets of runs per task and model. */
public final class RunComparison {

    /** The runs of one task and model. */
    private record Key(TaskId task, ModelFamily model) {}

    private RunComparison() {}

    /**
     * Pairs the runs of both sides by task and model (all configs and seeds of a side together).
     *
     * @param a the first file's runs
     * @param b the second file's runs
     * @return a row per task and model present on either side, in task then model order
     */
    public static List<ComparisonRow> compare(List<RunResult> a, List<RunResult> b) {
        Map<Key, RunGroup> before = RunGroup.by(a, r -> new Key(r.task(), r.model()));
        Map<Key, RunGroup> after = RunGroup.by(b, r -> new Key(r.task(), r.model()));
        List<ComparisonRow> rows = new ArrayList<>();
        for (TaskId task : TaskId.values()) {
            for (ModelFamily model : ModelFamily.values()) {
                Key key = new Key(task, model);
                if (before.containsKey(key) || after.containsKey(key)) {
                    rows.add(new ComparisonRow(task, model,
                            Optional.ofNullable(before.get(key)),
                            Optional.ofNullable(after.get(key))));
                }
            }
        }
        return rows;
    }

    /**
     * Renders the comparison as text that is also a Markdown table.
     *
     * @param rows the compared rows
     * @param aName how to name the first file
     * @param bName how to name the second file
     * @return the names of A and B, then the table
     */
    public static String render(List<ComparisonRow> rows, String aName, String bName) {
        MarkdownTable table = new MarkdownTable("Task", "Model", "Metric", "A", "B",
                "Delta (B - A)", "Time B/A", "Note");
        for (ComparisonRow row : rows) {
            RunResult any = row.b().or(row::a).orElseThrow().first();
            table.addRow(row.task().displayName(), row.model().displayName(), any.metric(),
                    ComparisonRow.metricCell(row.a()), ComparisonRow.metricCell(row.b()),
                    row.delta(), row.timeRatio(), row.note());
        }
        return "A: " + aName + "\nB: " + bName + "\n\n" + table.render();
    }
}
