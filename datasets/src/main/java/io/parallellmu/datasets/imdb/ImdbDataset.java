package io.parallellmu.datasets.imdb;

import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.vocabulary.DataKind;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.parallellmu.datasets.DataProvenance;
import io.parallellmu.datasets.OfficialLayout;
import io.parallellmu.datasets.fetch.StandInManifest;
import io.parallellmu.datasets.text.PaddedSequences;
import io.parallellmu.datasets.text.Splits;
import io.parallellmu.datasets.text.WordTaskBuilder;
import io.parallellmu.datasets.text.WordTaskDataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * IMDB binary sentiment classification (task id {@code imdb}), from the official {@code aclImdb} layout in
 * {@code <root>/imdb/} ({@link AclImdb}) or the SpamAssassin ham/spam stand-in
 * ({@link SpamAssassinStandIn}).
 *
 * <p>Splits: TEST is the official test split; VALIDATION is {@value #VALID_PERCENT}% of the official training
 * split, held out by a seeded shuffle; TRAIN is the rest. Text is tokenised by a lower-casing
 * {@link io.parallellmu.text.WordTokenizer}; the vocabulary is built from TRAIN only unless one is given. Tensors, all INT32: data
 * is token ids (N, L) and lengths (N); labels are the classes (N), 1 = positive (or spam), 0 = negative (or
 * ham).
 */
public final class ImdbDataset extends WordTaskDataset {

    /** The share of the official training split held out for validation, in percent. */
    public static final int VALID_PERCENT = 10;
    /** The seed of the validation hold-out. */
    public static final long SPLIT_SEED = 20210701L;

    /** The class names of the official data, by label. */
    public static final List<String> REVIEW_CLASSES = List.of("negative", "positive");
    /** The class names of the SpamAssassin stand-in, by label. */
    public static final List<String> MAIL_CLASSES = List.of("ham", "spam");
    /** The official layout: the unpacked release's labelled train and test folders in {@code <root>/imdb/}. */
    public static final OfficialLayout OFFICIAL = OfficialLayout.of(TaskId.IMDB,
            List.of(AclImdb.ROOT + "/train/neg", AclImdb.ROOT + "/train/pos", AclImdb.ROOT + "/test/neg",
                    AclImdb.ROOT + "/test/pos"),
            dir -> "unpack aclImdb_v1.tar.gz into " + dir + " so that " + AclImdb.ROOT
                    + "/{train,test}/{pos,neg}/*.txt exist");

    private ImdbDataset(Builder builder) {
        super(builder);
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
     * Returns the class names by label: {@link #REVIEW_CLASSES} for the official reviews, {@link #MAIL_CLASSES}
     * for the stand-in's mails; valid once prepared.
     *
     * @return the names
     */
    public List<String> classNames() {
        return provenance().kind() == DataKind.OFFICIAL ? REVIEW_CLASSES : MAIL_CLASSES;
    }

    /** {@inheritDoc} */
    @Override
    protected Loaded load(NDManager manager) throws IOException {
        Origin origin = resolve(OFFICIAL, new SpamAssassinStandIn());
        List<LabelledDocument> train;
        List<LabelledDocument> test;
        String checksum;
        if (origin.kind() == DataKind.OFFICIAL) {
            AclImdb.Split officialTrain = AclImdb.read(origin.dir(), "train");
            AclImdb.Split officialTest = AclImdb.read(origin.dir(), "test");
            train = officialTrain.reviews();
            test = officialTest.reviews();
            checksum = AclImdb.checksum(origin.dir(), officialTrain, officialTest);
        } else {
            List<List<LabelledDocument>> standIn = SpamAssassinStandIn.read(origin.dir());
            train = standIn.get(0);
            test = standIn.get(1);
            checksum = StandInManifest.checksumOf(origin.dir(), SpamAssassinStandIn.FILES);
        }
        Splits<LabelledDocument> splits = Splits.holdOut(train, test, VALID_PERCENT / 100.0, SPLIT_SEED);
        useVocabulary(splits.train().stream().map(LabelledDocument::text));
        List<LabelledDocument> docs = splits.of(usage());
        List<int[]> ids = new ArrayList<>(docs.size());
        int[] classes = new int[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            ids.add(encode(docs.get(i).text()));
            classes[i] = docs.get(i).label();
        }
        PaddedSequences padded = pad(ids);
        recordLengths(padded.lengths());
        return new Loaded(
                new NDArray[] {padded.idsArray(manager), padded.lengthsArray(manager)},
                new NDArray[] {manager.create(classes, new Shape(classes.length))}, // (N)
                new DataProvenance(TaskId.IMDB.id(), origin.kind(), origin.sourceName(), checksum, splits.sizes()));
    }

    /** A builder of {@link ImdbDataset}s: defaults 20,000 tokens and length 400. */
    public static final class Builder extends WordTaskBuilder<Builder> {

        private Builder() {
            super(20_000, 400);
        }

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Builds the data set; call {@link ImdbDataset#prepare()} to load it.
         *
         * @return the data set
         * @throws IllegalArgumentException naming a setting out of range
         */
        public ImdbDataset build() {
            validate();
            return new ImdbDataset(this);
        }
    }
}
