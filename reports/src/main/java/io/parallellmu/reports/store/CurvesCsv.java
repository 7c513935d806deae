package io.parallellmu.reports.store;

import io.parallellmu.vocabulary.Split;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.reports.schema.CurvePointKey;
import io.parallellmu.reports.schema.LearningCurvePoint;
import io.parallellmu.reports.schema.RunKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code curves.csv}: the learning curves of every run, one {@link LearningCurvePoint} per row,
 * keyed by (run, epoch, split, metric).
 */
public final class CurvesCsv extends CsvTable<LearningCurvePoint, CurvePointKey> {

    /** The columns, in file order; one per {@link LearningCurvePoint} component. */
    public static final List<String> COLUMNS =
            List.of("task", "model", "config", "seed", "epoch", "split", "metric", "value");

    /**
     * Opens the table; nothing is read until asked.
     *
     * @param path the CSV file, which need not exist yet
     */
    public CurvesCsv(Path path) {
        super(path);
    }

    /**
     * Replaces the whole curve of one run in one atomic write: points of that run not in {@code
     * points} are removed, so a rerun with fewer epochs leaves no stale tail.
     *
     * @param run the run whose curve is replaced
     * @param points the run's new points
     * @throws IllegalArgumentException when a point belongs to another run
     * @throws IOException when the file cannot be read, is malformed, or cannot be written
     */
    public void replaceRun(RunKey run, List<LearningCurvePoint> points) throws IOException {
        for (LearningCurvePoint point : points) {
            if (!point.run().equals(run)) {
                throw new IllegalArgumentException(
                        "point of run " + point.run() + " given for run " + run);
            }
        }
        update(existing -> {
            List<LearningCurvePoint> updated = new ArrayList<>();
            existing.stream().filter(point -> !point.run().equals(run)).forEach(updated::add);
            updated.addAll(points);
            return updated;
        });
    }

    /** {@inheritDoc} */
    @Override
    public List<String> header() {
        return COLUMNS;
    }

    @Override
    List<String> values(LearningCurvePoint p) {
        return List.of(p.task().id(), p.model().id(), p.config(), Long.toString(p.seed()),
                Integer.toString(p.epoch()), p.split().id(), p.metric(), number(p.value()));
    }

    @Override
    LearningCurvePoint parse(CsvRow row) throws CsvFormatException {
        return new LearningCurvePoint(
                row.id("task", TaskId.class, "task"),
                row.id("model", ModelFamily.class, "model"),
                row.text("config"),
                row.whole("seed"),
                row.integer("epoch"),
                row.id("split", Split.class, "split"),
                row.text("metric"),
                row.decimal("value"));
    }

    @Override
    CurvePointKey key(LearningCurvePoint p) {
        return p.key();
    }
}
