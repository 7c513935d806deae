package io.parallellmu.datasets.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.parallellmu.datasets.DataProvenance;
import io.parallellmu.datasets.fetch.StandInSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame of a sentence-pair classification task (QQP, SNLI): both sentences tokenised by a lower-casing
 * {@link WordTokenizer}, one vocabulary built from both sentences of the TRAIN split only (unless given).
 * Tensors, all INT32: data is first-sentence ids (N, L), their lengths (N), second-sentence ids (N, L), their
 * lengths (N); labels are the classes (N).
 */
public abstract class SentencePairDataset extends TextTaskDataset {

    private static final WordTokenizer TOKENIZER = new WordTokenizer(true);

    private final TextVocabulary givenVocabulary;
    private final int vocabularySize;
    private final int maxLength;
    private TextVocabulary vocabulary;
    private int[] lengths;

    /**
     * Creates the data set.
     *
     * @param builder the settings
     */
    protected SentencePairDataset(WordTaskBuilder<?> builder) {
        super(builder);
        this.givenVocabulary = builder.vocabulary();
        this.vocabularySize = builder.vocabularySize();
        this.maxLength = builder.maxLength();
    }

    /**
     * A task's pairs in their three splits, with the checksum of the files they came from.
     *
     * @param splits the pairs
     * @param checksum the SHA-256 of the files read
     */
    public record PairCorpus(Splits<SentencePair> splits, String checksum) {}

    /**
     * Returns the task id, which is also the official data folder.
     *
     * @return the task id
     */
    protected abstract String task();

    /**
     * Returns the official files, relative to the task folder.
     *
     * @return the files
     */
    protected abstract List<String> officialFiles();

    /**
     * Returns the stand-in used when the official data is absent.
     *
     * @return the stand-in
     */
    protected abstract StandInSource standIn();

    /**
     * Reads all splits from a directory in the official layout.
     *
     * @param origin where the files are
     * @return the pairs
     * @throws IOException if a file is malformed
     */
    protected abstract PairCorpus read(Origin origin) throws IOException;

    /** {@inheritDoc} */
    @Override
    protected final Loaded load(NDManager manager) throws IOException {
        Origin origin = resolve(task(), officialFiles(), standIn());
        PairCorpus corpus = read(origin);
        TextVocabulary vocab = givenVocabulary != null ? givenVocabulary : buildVocabulary(corpus.splits().train());
        List<SentencePair> pairs = corpus.splits().of(usage());
        List<int[]> first = new ArrayList<>(pairs.size());
        List<int[]> second = new ArrayList<>(pairs.size());
        int[] classes = new int[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            first.add(vocab.encode(TOKENIZER.tokenize(pairs.get(i).first())));
            second.add(vocab.encode(TOKENIZER.tokenize(pairs.get(i).second())));
            classes[i] = pairs.get(i).label();
        }
        PaddedSequences a = PaddedSequences.of(first, maxLength);
        PaddedSequences b = PaddedSequences.of(second, maxLength);
        int[] longer = a.lengths();
        int[] bLengths = b.lengths();
        for (int i = 0; i < longer.length; i++) {
            longer[i] = Math.max(longer[i], bLengths[i]);
        }
        vocabulary = vocab;
        lengths = longer;
        return new Loaded(
                new NDArray[] {a.idsArray(manager), a.lengthsArray(manager), b.idsArray(manager), b.lengthsArray(manager)},
                new NDArray[] {manager.create(classes, new Shape(classes.length))}, // (N)
                new DataProvenance(task(), origin.kind(), origin.sourceName(), corpus.checksum(), corpus.splits().sizes()));
    }

    /**
     * Returns the vocabulary (given, or built from TRAIN); valid once prepared.
     *
     * @return the vocabulary
     */
    public TextVocabulary vocabulary() {
        provenance();
        return vocabulary;
    }

    /**
     * Returns each record's longer (cut) sentence length, for a {@link BucketSampler}; valid once prepared.
     *
     * @return the N lengths
     */
    public int[] lengths() {
        provenance();
        return lengths.clone();
    }

    private TextVocabulary buildVocabulary(List<SentencePair> train) {
        TextVocabulary.Builder builder = TextVocabulary.builder().optMaxSize(vocabularySize);
        for (SentencePair pair : train) {
            builder.add(TOKENIZER.tokenize(pair.first())).add(TOKENIZER.tokenize(pair.second()));
        }
        return builder.build();
    }
}
