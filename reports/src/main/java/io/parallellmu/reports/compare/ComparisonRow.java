package io.parallellmu.reports.compare;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.reports.format.Units;
import io.parallellmu.reports.markdown.RunGroup;
import io.parallellmu.reports.schema.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One task and model in both files.
 *
 * @param task the task
 * @param model the model family
 * @param a the runs in the first file, if any
 * @param b the runs in the second file, if any
 */
public record ComparisonRow(TaskId task, ModelFamily model, Optional<RunGroup> a,
        Optional<RunGroup> b) {

    private static final String NONE = "—";

    /**
     * Validates the row.
     *
     * @param task the task
     * @param model the model family
     * @param a the runs in the first file, if any
     * @param b the runs in the second file, if any
     * @throws IllegalArgumentException when neither file has runs
     */
    public ComparisonRow {
        if (a.isEmpty() && b.isEmpty()) {
            throw new IllegalArgumentException("a comparison row needs runs in A or B");
        }
    }

    /**
     * Shows a side's metric.
     *
     * @param side the runs of one file
     * @return for example "97.12 ± 0.31% (n=3)", or "—" when absent
     */
    static String metricCell(Optional<RunGroup> side) {
        return side.map(g -> g.format().meanStd(g.metric()) + " (n=" + g.runs().size() + ")")
                .orElse(NONE);
    }

    /**
     * Shows the metric's change from A to B and whether it is an improvement.
     *
     * @return for example "+0.89 pp (better)", or "—" when not comparable
     */
    public String delta() {
        if (!comparable()) {
            return NONE;
        }
        RunResult first = b.orElseThrow().first();
        double before = a.orElseThrow().metric().mean();
        double after = b.orElseThrow().metric().mean();
        String verdict = first.metricDirection().isBetter(after, before) ? "better"
                : first.metricDirection().isBetter(before, after) ? "worse" : "same";
        return b.orElseThrow().format().delta(after - before) + " (" + verdict + ")";
    }

    /**
     * Shows the ratio of mean training times.
     *
     * @return B's mean training time over A's, for example "0.500×", or "—"
     */
    public String timeRatio() {
        if (a.isEmpty() || b.isEmpty() || !(a.get().trainSeconds().mean() > 0)) {
            return NONE;
        }
        return Units.times(b.get().trainSeconds().mean() / a.get().trainSeconds().mean());
    }

    /**
     * Lists what makes the comparison less direct.
     *
     * @return for example "config quick → standard; data stand-in:x → official:y", or ""
     */
    public String note() {
        if (a.isEmpty()) {
            return "only in B";
        }
        if (b.isEmpty()) {
            return "only in A";
        }
        List<String> notes = new ArrayList<>();
        change("config", RunResult::config).ifPresent(notes::add);
        change("data", r -> r.dataKind().id() + ":" + r.dataSource()).ifPresent(notes::add);
        change("metric", RunResult::metric).ifPresent(notes::add);
        return String.join("; ", notes);
    }

    private boolean comparable() {
        return a.isPresent() && b.isPresent()
                && a.get().first().metric().equals(b.get().first().metric());
    }

    private Optional<String> change(String what, Function<RunResult, String> field) {
        String before = a.orElseThrow().distinct(field);
        String after = b.orElseThrow().distinct(field);
        return before.equals(after)
                ? Optional.empty()
                : Optional.of(what + " " + before + " → " + after);
    }
}
