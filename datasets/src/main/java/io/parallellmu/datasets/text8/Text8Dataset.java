package io.parallellmu.datasets.text8;

import io.parallellmu.vocabulary.Split;
import io.parallellmu.vocabulary.TaskId;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.parallellmu.datasets.DataProvenance;
import io.parallellmu.datasets.OfficialLayout;
import io.parallellmu.datasets.fetch.StandInManifest;
import io.parallellmu.datasets.text.TextTaskDataset;
import io.parallellmu.datasets.text.TextVocabulary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * text8 character-level language modelling (task id {@code text8}), from the official file
 * {@code <root>/text8/text8} or the fortunes stand-in ({@link FortunesStandIn}), split 90/5/5
 * ({@link Text8File#splits}).
 *
 * <p>A split of C characters is cut into N = (C − 1) / L windows of L characters, without overlap; the rest
 * is dropped. Tensors, INT32 ids of the fixed alphabet ({@link #vocabulary()}: space = 0, a = 1 … z = 26):
 * data is the windows (N, L), labels the same windows shifted one character ahead (N, L).
 */
public final class Text8Dataset extends TextTaskDataset {

    /** The official file's name. */
    public static final String FILE = "text8";
    /** The official layout: the unzipped file in {@code <root>/text8/}. */
    public static final OfficialLayout OFFICIAL = OfficialLayout.of(TaskId.TEXT8, List.of(FILE),
            dir -> "put the text8 file (unzipped) at " + dir.resolve(FILE));

    private static final TextVocabulary ALPHABET = alphabet();

    private final int sequenceLength;

    private Text8Dataset(Builder builder) {
        super(builder);
        this.sequenceLength = builder.sequenceLength;
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
     * Returns the fixed 27-symbol alphabet, with no special tokens.
     *
     * @return space, then a to z
     */
    public static TextVocabulary vocabulary() {
        return ALPHABET;
    }

    /** {@inheritDoc} */
    @Override
    protected Loaded load(NDManager manager) throws IOException {
        Origin origin = resolve(OFFICIAL, new FortunesStandIn());
        Path file = origin.dir().resolve(FILE);
        long size = Files.size(file);
        Text8File.Range[] ranges = Text8File.splits(size);
        Text8File.Range range =
                switch (usage()) {
                    case TRAIN -> ranges[0];
                    case VALIDATION -> ranges[1];
                    case TEST -> ranges[2];
                };
        byte[] ids = Text8File.readIds(file, range);
        long windows = (ids.length - 1L) / sequenceLength;
        if (windows < 1) {
            throw new IOException(
                    file + ": the " + usage() + " split has " + ids.length + " characters, too few for one window of "
                            + sequenceLength + " plus one; use a shorter sequence length");
        }
        int count = (int) (windows * sequenceLength);
        Shape shape = new Shape(windows, sequenceLength); // (N, L)
        NDArray inputs = int32(manager, ByteBuffer.wrap(ids, 0, count).slice(), shape);
        NDArray targets = int32(manager, ByteBuffer.wrap(ids, 1, count).slice(), shape);
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            sizes.put(split.id() + "-chars", ranges[split.ordinal()].length());
        }
        return new Loaded(
                new NDArray[] {inputs},
                new NDArray[] {targets},
                new DataProvenance(
                        TaskId.TEXT8.id(), origin.kind(), origin.sourceName(), StandInManifest.checksumOf(origin.dir(), List.of(FILE)), sizes));
    }

    private static NDArray int32(NDManager manager, ByteBuffer bytes, Shape shape) {
        try (NDArray raw = manager.create(bytes, shape, DataType.UINT8)) {
            return raw.toType(DataType.INT32, false);
        }
    }

    private static TextVocabulary alphabet() {
        List<String> symbols = new ArrayList<>();
        for (char c : Text8File.ALPHABET.toCharArray()) {
            symbols.add(String.valueOf(c));
        }
        return TextVocabulary.fixed(symbols);
    }

    /** A builder of {@link Text8Dataset}s. */
    public static final class Builder extends TextTaskDataset.Builder<Builder> {

        private int sequenceLength = 256;

        private Builder() {}

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the window length L (default 256).
         *
         * @param sequenceLength at least 1
         * @return this builder
         */
        public Builder optSequenceLength(int sequenceLength) {
            this.sequenceLength = sequenceLength;
            return this;
        }

        /**
         * Builds the data set; call {@link Text8Dataset#prepare()} to load it.
         *
         * @return the data set
         * @throws IllegalArgumentException naming a setting out of range
         */
        public Text8Dataset build() {
            validate();
            if (sequenceLength < 1) {
                throw new IllegalArgumentException("sequenceLength must be at least 1, got " + sequenceLength);
            }
            return new Text8Dataset(this);
        }
    }
}
