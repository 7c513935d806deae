package io.parallellmu.reports.markdown;

import io.parallellmu.reports.schema.FailedRun;
import java.util.List;

/** The failed runs: which run, in which epoch, and why. */
public final class FailedSection {

    private FailedSection() {}

    /**
     * Renders the section, or nothing when no run failed.
     *
     * @param failed the failed runs, possibly none
     * @return Markdown starting with a level-2 heading, or an empty string
     */
    public static String render(List<FailedRun> failed) {
        if (failed.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("## Failed runs\n\n");
        out.append("A failed run has no result: it is not counted or averaged anywhere above; rerun"
                + " the suite to try it again.\n\n");
        MarkdownTable table = new MarkdownTable("Run", "Epoch", "Reason");
        failed.forEach(f -> table.addRow(f.key().toString(),
                f.epoch() == 0 ? "?" : Integer.toString(f.epoch()), f.reason()));
        return out.append(table.render()).toString();
    }
}
