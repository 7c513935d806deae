package io.parallellmu.reports.markdown;

import io.parallellmu.reports.schema.SkippedTask;
import java.util.Comparator;
import java.util.List;

/** The skipped tasks: why each could not run and how to provide its data. */
public final class SkippedSection {

    private SkippedSection() {}

    /**
     * Renders the section.
     *
     * @param skipped the skipped tasks, possibly none
     * @return Markdown starting with a level-2 heading
     */
    public static String render(List<SkippedTask> skipped) {
        StringBuilder out = new StringBuilder("## Skipped tasks\n\n");
        if (skipped.isEmpty()) {
            return out.append("No task was skipped.\n").toString();
        }
        out.append("A skipped task has no result: it is not counted or averaged anywhere above."
                + "\n\n");
        MarkdownTable table = new MarkdownTable("Task", "Reason", "How to provide the data");
        skipped.stream().sorted(Comparator.comparing(SkippedTask::task)).forEach(skip ->
                table.addRow(skip.task().displayName(), skip.reason(), skip.howToProvide()));
        return out.append(table.render()).toString();
    }
}
