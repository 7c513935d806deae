package io.parallellmu.reports.store;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.reports.schema.FailedRun;
import io.parallellmu.reports.schema.RunKey;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code failed.csv}: the runs that started but did not finish, one {@link FailedRun} per run.
 * When a rerun finishes, the runner {@link #remove(Object) removes} the run's failure.
 */
public final class FailedCsv extends CsvTable<FailedRun, RunKey> {

    /** The columns, in file order. */
    public static final List<String> COLUMNS =
            List.of("task", "model", "config", "seed", "epoch", "reason");

    /**
     * Opens the table; nothing is read until asked.
     *
     * @param path the CSV file, which need not exist yet
     */
    public FailedCsv(Path path) {
        super(path);
    }

    /** {@inheritDoc} */
    @Override
    public List<String> header() {
        return COLUMNS;
    }

    @Override
    List<String> values(FailedRun f) {
        RunKey k = f.key();
        return List.of(k.task().id(), k.model().id(), k.config(), Long.toString(k.seed()),
                Integer.toString(f.epoch()), f.reason());
    }

    @Override
    FailedRun parse(CsvRow row) throws CsvFormatException {
        return new FailedRun(
                new RunKey(row.id("task", TaskId.class, "task"),
                        row.id("model", ModelFamily.class, "model"), row.text("config"),
                        row.whole("seed")),
                row.integer("epoch"), row.text("reason"));
    }

    @Override
    RunKey key(FailedRun row) {
        return row.key();
    }
}
