package io.parallellmu.datasets.text;

/**
 * The settings of a word-level task: its vocabulary and fixed sequence length.
 *
 * @param <T> the concrete builder
 */
public abstract class WordTaskBuilder<T extends WordTaskBuilder<T>> extends TextTaskDataset.Builder<T> {

    private TextVocabulary vocabulary;
    private int vocabularySize;
    private int maxLength;

    /**
     * Creates the builder with a task's defaults.
     *
     * @param vocabularySize the default largest vocabulary size
     * @param maxLength the default fixed sequence length
     */
    protected WordTaskBuilder(int vocabularySize, int maxLength) {
        this.vocabularySize = vocabularySize;
        this.maxLength = maxLength;
    }

    /**
     * Uses a given vocabulary instead of building one from the training split; pass the training data set's
     * (or a saved model's) vocabulary when loading the validation or test split.
     *
     * @param vocabulary the vocabulary
     * @return this builder
     */
    public T optVocabulary(TextVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        return self();
    }

    /**
     * Sets the largest vocabulary built from the training split, special tokens included.
     *
     * @param vocabularySize at least 4
     * @return this builder
     */
    public T optVocabularySize(int vocabularySize) {
        this.vocabularySize = vocabularySize;
        return self();
    }

    /**
     * Sets the fixed length that sequences are padded or cut to.
     *
     * @param maxLength at least 1
     * @return this builder
     */
    public T optMaxLength(int maxLength) {
        this.maxLength = maxLength;
        return self();
    }

    /**
     * Returns the given vocabulary, if any.
     *
     * @return the vocabulary, or {@code null} to build one from the training split
     */
    public TextVocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * Returns the largest vocabulary size.
     *
     * @return the size limit
     */
    public int vocabularySize() {
        return vocabularySize;
    }

    /**
     * Returns the fixed sequence length.
     *
     * @return the length
     */
    public int maxLength() {
        return maxLength;
    }

    /** {@inheritDoc} */
    @Override
    protected void validate() {
        super.validate();
        if (vocabulary == null && vocabularySize < 4) {
            throw new IllegalArgumentException("vocabularySize must be at least 4 (the special tokens), got " + vocabularySize);
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
        }
    }
}
