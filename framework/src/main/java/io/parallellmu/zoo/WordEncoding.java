package io.parallellmu.zoo;

import java.util.List;

/**
 * How a text model's metadata says to turn a text into token ids, as its data set did: tokenise with the recorded
 * tokenizer, map each token to its id in the vocabulary (tokens outside it to {@link #unknownId()}) and cut to
 * {@link #maxLength()} tokens. The text classifiers' records share it, and so their translators' encoder.
 */
public interface WordEncoding {

    /**
     * Returns the tokens by id.
     *
     * @return the vocabulary
     */
    List<String> vocabulary();

    /**
     * Returns the class name of the DJL {@code Tokenizer} used in training, with a public constructor taking the
     * lower-case flag (boolean) or none.
     *
     * @return the class name
     */
    String tokenizer();

    /**
     * Returns the tokenizer's lower-case flag.
     *
     * @return whether text is lower-cased
     */
    boolean lowerCase();

    /**
     * Returns the id of tokens outside the vocabulary.
     *
     * @return the unknown id
     */
    int unknownId();

    /**
     * Returns the longest token sequence the model was trained on; longer texts are cut.
     *
     * @return the maximum length
     */
    int maxLength();

    /**
     * Checks the settings a record implementing this interface is built with.
     *
     * @param vocabulary the tokens by id
     * @param unknownId the unknown id
     * @param maxLength the maximum length
     * @throws IllegalArgumentException if the unknown id is outside the vocabulary or the maximum length below 1
     */
    static void check(List<String> vocabulary, int unknownId, int maxLength) {
        if (unknownId < 0 || unknownId >= vocabulary.size()) {
            throw new IllegalArgumentException("unknownId must be in [0, " + vocabulary.size() + "), got "
                    + unknownId);
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
        }
    }
}
