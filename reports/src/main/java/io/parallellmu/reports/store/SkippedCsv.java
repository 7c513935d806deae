package io.parallellmu.reports.store;

import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.reports.schema.SkippedTask;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code skipped.csv}: the tasks that could not be run, one {@link SkippedTask} per task. When a
 * rerun succeeds, the runner {@link #remove(Object) removes} the task's skip.
 */
public final class SkippedCsv extends CsvTable<SkippedTask, TaskId> {

    /** The columns, in file order; one per {@link SkippedTask} component. */
    public static final List<String> COLUMNS = List.of("task", "reason", "how_to_provide");

    /**
     * Opens the table; nothing is read until asked.
     *
     * @param path the CSV file, which need not exist yet
     */
    public SkippedCsv(Path path) {
        super(path);
    }

    /** {@inheritDoc} */
    @Override
    public List<String> header() {
        return COLUMNS;
    }

    @Override
    List<String> values(SkippedTask s) {
        return List.of(s.task().id(), s.reason(), s.howToProvide());
    }

    @Override
    SkippedTask parse(CsvRow row) throws CsvFormatException {
        return new SkippedTask(
                row.id("task", TaskId.class, "task"), row.text("reason"),
                row.text("how_to_provide"));
    }

    @Override
    TaskId key(SkippedTask row) {
        return row.task();
    }
}
