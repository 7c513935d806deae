package io.parallellmu.reports.store;

import io.parallellmu.vocabulary.DataKind;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.reports.schema.MetricDirection;
import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.reports.schema.SplitSizes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code results.csv}: one {@link RunResult} per finished run, keyed by its {@link RunKey}. */
public final class ResultsCsv extends CsvTable<RunResult, RunKey> {

    /** The columns, in file order; one per {@link RunResult} component. */
    public static final List<String> COLUMNS = List.of("task", "model", "config", "parameters",
            "seed", "data_kind", "data_source", "data_checksum", "split_sizes", "metric",
            "metric_value", "metric_direction", "train_seconds", "steps_per_second", "epochs",
            "best_epoch", "device", "java_version", "djl_version", "pytorch_version",
            "git_commit", "cpu_model", "cpu_cores", "timestamp");

    /**
     * Opens the table; nothing is read until asked.
     *
     * @param path the CSV file, which need not exist yet
     */
    public ResultsCsv(Path path) {
        super(path);
    }

    /**
     * Returns the runs already finished, for resuming a suite: a run whose key is in this set
     * is not repeated.
     *
     * @return the keys of every stored run
     * @throws IOException when the file cannot be read or is malformed
     */
    public Set<RunKey> completedKeys() throws IOException {
        return keys();
    }

    /** {@inheritDoc} */
    @Override
    public List<String> header() {
        return COLUMNS;
    }

    @Override
    List<String> values(RunResult r) {
        return List.of(r.task().id(), r.model().id(), r.config(), Long.toString(r.parameters()),
                Long.toString(r.seed()), r.dataKind().id(), r.dataSource(), r.dataChecksum(),
                r.splitSizes().toString(), r.metric(), number(r.metricValue()),
                r.metricDirection().id(), number(r.trainSeconds()), number(r.stepsPerSecond()),
                Integer.toString(r.epochs()), Integer.toString(r.bestEpoch()), r.device(),
                r.javaVersion(), r.djlVersion(), r.pytorchVersion(), r.gitCommit(), r.cpuModel(),
                Integer.toString(r.cpuCores()), r.timestamp().toString());
    }

    @Override
    RunResult parse(CsvRow row) throws CsvFormatException {
        return new RunResult(
                row.id("task", TaskId.class, "task"),
                row.id("model", ModelFamily.class, "model"),
                row.text("config"),
                row.whole("parameters"),
                row.whole("seed"),
                row.id("data_kind", DataKind.class, "data kind"),
                row.text("data_source"),
                row.text("data_checksum"),
                row.convert("split_sizes", SplitSizes::parse),
                row.text("metric"),
                row.decimal("metric_value"),
                row.id("metric_direction", MetricDirection.class, "metric direction"),
                row.decimal("train_seconds"),
                row.decimal("steps_per_second"),
                row.integer("epochs"),
                row.integer("best_epoch"),
                row.text("device"),
                row.text("java_version"),
                row.text("djl_version"),
                row.text("pytorch_version"),
                row.text("git_commit"),
                row.text("cpu_model"),
                row.integer("cpu_cores"),
                row.instant("timestamp"));
    }

    @Override
    RunKey key(RunResult row) {
        return row.key();
    }
}
