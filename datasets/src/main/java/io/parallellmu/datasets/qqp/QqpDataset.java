package io.parallellmu.datasets.qqp;

import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.datasets.OfficialLayout;
import io.parallellmu.datasets.fetch.StandInManifest;
import io.parallellmu.datasets.text.SentencePair;
import io.parallellmu.datasets.text.SentencePairDataset;
import io.parallellmu.datasets.text.Splits;
import io.parallellmu.datasets.text.WordTaskBuilder;
import java.io.IOException;
import java.util.List;

/**
 * Quora Question Pairs paraphrase detection (task id {@code qqp}), from GLUE's {@code train.tsv} and
 * {@code dev.tsv} in {@code <root>/qqp/} ({@link GlueQqp}) or the synthetic stand-in
 * ({@link QqpSyntheticStandIn}). Labels: 1 = duplicate (paraphrase), 0 = not.
 *
 * <p>Splits: GLUE's test file has no labels, so TEST is {@code dev.tsv}; VALIDATION is
 * {@value #VALID_PERCENT}% of {@code train.tsv}, held out by a seeded shuffle; TRAIN is the rest. Tensors as in
 * {@link SentencePairDataset}.
 */
public final class QqpDataset extends SentencePairDataset {

    /** The official files. */
    public static final List<String> FILES = List.of("train.tsv", "dev.tsv");
    /** The official layout: GLUE's two files in {@code <root>/qqp/}. */
    public static final OfficialLayout OFFICIAL = OfficialLayout.of(TaskId.QQP, FILES,
            dir -> "put GLUE's QQP " + String.join(" and ", FILES) + " in " + dir);
    /** The share of {@code train.tsv} held out for validation, in percent. */
    public static final int VALID_PERCENT = 10;
    /** The seed of the validation hold-out. */
    public static final long SPLIT_SEED = 20210701L;
    /** The class names, by label. */
    public static final List<String> CLASSES = List.of("not duplicate", "duplicate");

    private QqpDataset(Builder builder) {
        super(builder, OFFICIAL, new QqpSyntheticStandIn());
    }

    /**
     * Creates a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@inheritDoc} */
    @Override
    protected PairCorpus read(Origin origin) throws IOException {
        List<SentencePair> train = GlueQqp.read(origin.dir().resolve(FILES.get(0)));
        List<SentencePair> dev = GlueQqp.read(origin.dir().resolve(FILES.get(1)));
        return new PairCorpus(
                Splits.holdOut(train, dev, VALID_PERCENT / 100.0, SPLIT_SEED), StandInManifest.checksumOf(origin.dir(), FILES));
    }

    /** A builder of {@link QqpDataset}s: defaults 20,000 tokens and length 40. */
    public static final class Builder extends WordTaskBuilder<Builder> {

        private Builder() {
            super(20_000, 40);
        }

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Builds the data set; call {@link QqpDataset#prepare()} to load it.
         *
         * @return the data set
         * @throws IllegalArgumentException naming a setting out of range
         */
        public QqpDataset build() {
            validate();
            return new QqpDataset(this);
        }
    }
}
