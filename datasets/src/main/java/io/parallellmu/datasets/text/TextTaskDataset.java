package io.parallellmu.datasets.text;

import io.parallellmu.vocabulary.DataKind;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.util.Progress;
import io.parallellmu.datasets.DataDirectory;
import io.parallellmu.datasets.DataProvenance;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.OfficialLayout;
import io.parallellmu.datasets.TaskDataset;
import io.parallellmu.datasets.fetch.StandInManifest;
import io.parallellmu.datasets.fetch.StandInSource;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The common frame of the text tasks' data sets: an {@link ArrayDataset} of stacked tensors that is filled
 * once, in {@link #prepare(Progress)}, from the official data or its stand-in.
 *
 * <p>Loading is all or nothing: files are parsed and checked completely before any tensor is created, so a
 * data set whose {@code prepare} failed holds no data.
 */
public abstract class TextTaskDataset extends ArrayDataset implements TaskDataset {

    private final NDManager manager;
    private final Dataset.Usage usage;
    private final Path dataRoot;
    private final DataSource source;
    private final PrintStream log;
    private DataProvenance provenance;
    private boolean prepared;

    /**
     * Creates the data set; nothing is read until {@link #prepare(Progress)}.
     *
     * @param builder the settings
     */
    protected TextTaskDataset(Builder<?> builder) {
        super(builder);
        this.manager = builder.manager;
        this.usage = builder.usage;
        this.dataRoot = builder.dataRoot;
        this.source = builder.source;
        this.log = builder.log;
    }

    /** The tensors and provenance a task's loader produces. */
    public record Loaded(NDArray[] data, NDArray[] labels, DataProvenance provenance) {}

    /**
     * Reads, checks and encodes the usage's split; called once.
     *
     * @param manager the manager that must own the returned tensors
     * @return the tensors and the provenance
     * @throws IOException if the data cannot be had or is malformed
     */
    protected abstract Loaded load(NDManager manager) throws IOException;

    /** {@inheritDoc} */
    @Override
    public final synchronized void prepare(Progress progress) throws IOException {
        if (prepared) {
            return;
        }
        NDManager sub = manager.newSubManager();
        try {
            Loaded loaded = load(sub);
            data = loaded.data();
            labels = loaded.labels();
            provenance = loaded.provenance();
            prepared = true;
        } finally {
            if (!prepared) {
                sub.close();
            }
        }
    }

    /** {@inheritDoc} */
    @Override
    public DataProvenance provenance() {
        if (!prepared) {
            throw new IllegalStateException("Call prepare() before provenance()");
        }
        return provenance;
    }

    /**
     * Returns the split this data set holds.
     *
     * @return TRAIN, VALIDATION or TEST
     */
    public Dataset.Usage usage() {
        return usage;
    }

    /**
     * Returns the data root.
     *
     * @return the root under which official data and stand-ins are looked for
     */
    protected Path dataRoot() {
        return dataRoot;
    }

    /**
     * Returns where progress of fetching is reported.
     *
     * @return the log
     */
    protected PrintStream log() {
        return log;
    }

    /**
     * Where a task's data is read from.
     *
     * @param dir the directory holding the files in the task's layout
     * @param kind official, stand-in or synthetic
     * @param sourceName the source in words, for the provenance
     */
    public record Origin(Path dir, DataKind kind, String sourceName) {}

    /**
     * Decides between the official data and the stand-in, fetching the stand-in if it is not cached.
     *
     * @param official the task's official layout in {@code <root>/<task>/}
     * @param standIn the stand-in to use otherwise
     * @return the directory to read and what it holds
     * @throws IOException if the source is OFFICIAL and a file is missing (naming them all), or the stand-in
     *     cannot be had
     */
    protected Origin resolve(OfficialLayout official, StandInSource standIn) throws IOException {
        String task = official.task().id();
        Path dir = official.directory(dataRoot);
        boolean present = official.missing(dir).isEmpty();
        if (source == DataSource.OFFICIAL && !present) {
            throw new FileNotFoundException(
                    "The official "
                            + task
                            + " data is not there. Put these files in place (they are not fetched automatically): "
                            + official.required().stream().map(name -> dir.resolve(name).toString())
                                    .collect(Collectors.joining(", "))
                            + "; or use the stand-in (DataSource.STAND_IN).");
        }
        if (present && source != DataSource.STAND_IN) {
            return new Origin(dir, DataKind.OFFICIAL, "official " + task + " data in " + dir);
        }
        Path cached = standIn.ensure(dataRoot, log);
        StandInManifest manifest = StandInManifest.read(cached);
        return new Origin(cached, manifest.kind(), manifest.sourceWithVersions());
    }

    /**
     * The settings every text task shares.
     *
     * @param <T> the concrete builder
     */
    public abstract static class Builder<T extends Builder<T>> extends RandomAccessDataset.BaseBuilder<T> {

        private NDManager manager = Engine.getInstance().newBaseManager();
        private Dataset.Usage usage = Dataset.Usage.TRAIN;
        private Path dataRoot = DataDirectory.root();
        private DataSource source = DataSource.AUTO;
        private PrintStream log = System.err;

        /**
         * Sets the split (default TRAIN).
         *
         * @param usage TRAIN, VALIDATION or TEST
         * @return this builder
         */
        public T optUsage(Dataset.Usage usage) {
            this.usage = usage;
            return self();
        }

        /**
         * Sets the data root (default {@link DataDirectory#root()}).
         *
         * @param dataRoot the root holding {@code <task>/} and {@code stand-in/}
         * @return this builder
         */
        public T optDataDir(Path dataRoot) {
            this.dataRoot = dataRoot;
            return self();
        }

        /**
         * Sets which data to use (default AUTO: official when present, else the stand-in).
         *
         * @param source AUTO, OFFICIAL or STAND_IN
         * @return this builder
         */
        public T optSource(DataSource source) {
            this.source = source;
            return self();
        }

        /**
         * Sets the manager whose sub-manager owns the tensors (default: a new base manager of the default
         * engine and device).
         *
         * @param manager the manager
         * @return this builder
         */
        public T optManager(NDManager manager) {
            this.manager.close();
            this.manager = manager.newSubManager();
            return self();
        }

        /**
         * Sets where fetching a missing stand-in is reported (default standard error).
         *
         * @param log the stream
         * @return this builder
         */
        public T optLog(PrintStream log) {
            this.log = log;
            return self();
        }

        /**
         * Checks the common settings.
         *
         * @throws IllegalArgumentException naming the setting that is missing
         */
        protected void validate() {
            if (usage == null || dataRoot == null || source == null || log == null) {
                throw new IllegalArgumentException("usage, dataDir, source and log must not be null");
            }
            if (sampler == null) {
                throw new IllegalArgumentException("The sampling must be set with setSampling(batchSize, shuffle)");
            }
        }
    }
}
