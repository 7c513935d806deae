package io.parallellmu.datasets.text;

import io.parallellmu.text.WordTokenizer;
import java.util.List;
import java.util.stream.Stream;

/**
 * The frame of a word-level classification task (IMDB, QQP, SNLI): text tokenised by a lower-casing
 * {@link WordTokenizer}, a vocabulary built from the TRAIN split only (unless one is given), and sequences
 * padded or cut to a fixed length.
 */
public abstract class WordTaskDataset extends TextTaskDataset {

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
    protected WordTaskDataset(WordTaskBuilder<?> builder) {
        super(builder);
        this.givenVocabulary = builder.vocabulary();
        this.vocabularySize = builder.vocabularySize();
        this.maxLength = builder.maxLength();
    }

    /**
     * Returns the tokeniser every word task uses, so that a saved model can record it and tokenise new text
     * identically.
     *
     * @return the lower-casing word tokeniser
     */
    public static WordTokenizer tokenizer() {
        return TOKENIZER;
    }

    /**
     * Returns the vocabulary to encode with: the given one, or one built from the training texts; it becomes
     * this data set's {@link #vocabulary()}.
     *
     * @param trainTexts every text of the TRAIN split
     * @return the vocabulary
     */
    protected TextVocabulary useVocabulary(Stream<String> trainTexts) {
        if (givenVocabulary != null) {
            vocabulary = givenVocabulary;
        } else {
            TextVocabulary.Builder builder = TextVocabulary.builder().optMaxSize(vocabularySize);
            trainTexts.forEach(text -> builder.add(TOKENIZER.tokenize(text)));
            vocabulary = builder.build();
        }
        return vocabulary;
    }

    /**
     * Tokenises and encodes a text with the vocabulary chosen by {@link #useVocabulary}.
     *
     * @param text the text
     * @return its token ids
     */
    protected int[] encode(String text) {
        return vocabulary.encode(TOKENIZER.tokenize(text));
    }

    /**
     * Pads or cuts sequences to the fixed length.
     *
     * @param sequences the token ids
     * @return the padded sequences
     */
    protected PaddedSequences pad(List<int[]> sequences) {
        return PaddedSequences.of(sequences, maxLength);
    }

    /**
     * Records each record's length for {@link #lengths()}.
     *
     * @param recordLengths the N lengths
     */
    protected void recordLengths(int[] recordLengths) {
        lengths = recordLengths.clone();
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
     * Returns each record's (cut) length, for a {@link BucketSampler}; valid once prepared.
     *
     * @return the N lengths
     */
    public int[] lengths() {
        provenance();
        return lengths.clone();
    }
}
