package io.parallellmu.datasets.snli;

import io.parallellmu.vocabulary.Split;

import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.datasets.OfficialLayout;
import io.parallellmu.datasets.fetch.StandInManifest;
import io.parallellmu.datasets.text.SentencePairDataset;
import io.parallellmu.datasets.text.Splits;
import io.parallellmu.datasets.text.WordTaskBuilder;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stanford Natural Language Inference (task id {@code snli}), from {@code snli_1.0_{train,dev,test}.jsonl}
 * in {@code <root>/snli/} ({@link SnliJsonl}) or the synthetic stand-in ({@link SnliSyntheticStandIn}).
 * Splits: TRAIN = train, VALIDATION = dev, TEST = test. Labels: entailment 0, neutral 1, contradiction 2.
 * Pairs without consensus ({@code gold_label} {@code -}) are dropped and counted ({@link #skipped()}).
 * Tensors as in {@link SentencePairDataset}.
 */
public final class SnliDataset extends SentencePairDataset {

    /** The official files: train, dev, test. */
    public static final List<String> FILES =
            List.of("snli_1.0_train.jsonl", "snli_1.0_dev.jsonl", "snli_1.0_test.jsonl");
    /** The official layout: the three files of {@code snli_1.0.zip} in {@code <root>/snli/}. */
    public static final OfficialLayout OFFICIAL = OfficialLayout.of(TaskId.SNLI, FILES,
            dir -> "put " + String.join(", ", FILES) + " (from snli_1.0.zip) in " + dir);

    private Map<String, Integer> skipped;

    private SnliDataset(Builder builder) {
        super(builder, OFFICIAL, new SnliSyntheticStandIn());
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
        SnliJsonl.Split train = SnliJsonl.read(origin.dir().resolve(FILES.get(0)));
        SnliJsonl.Split dev = SnliJsonl.read(origin.dir().resolve(FILES.get(1)));
        SnliJsonl.Split test = SnliJsonl.read(origin.dir().resolve(FILES.get(2)));
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(Split.TRAIN.id(), train.skipped());
        counts.put(Split.VALIDATION.id(), dev.skipped());
        counts.put(Split.TEST.id(), test.skipped());
        skipped = counts;
        log().println(TaskId.SNLI.id() + ": dropped pairs without consensus (gold_label '-'): " + counts);
        return new PairCorpus(
                new Splits<>(train.pairs(), dev.pairs(), test.pairs()), StandInManifest.checksumOf(origin.dir(), FILES));
    }

    /**
     * Returns how many pairs of each split had no consensus and were dropped; valid once prepared.
     *
     * @return counts for {@code train}, {@code valid} and {@code test}
     */
    public Map<String, Integer> skipped() {
        provenance();
        return Map.copyOf(skipped);
    }

    /** A builder of {@link SnliDataset}s: defaults 20,000 tokens and length 40. */
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
         * Builds the data set; call {@link SnliDataset#prepare()} to load it.
         *
         * @return the data set
         * @throws IllegalArgumentException naming a setting out of range
         */
        public SnliDataset build() {
            validate();
            return new SnliDataset(this);
        }
    }
}
