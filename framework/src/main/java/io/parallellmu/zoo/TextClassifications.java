package io.parallellmu.zoo;

import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Classifications of a text, with how many of its tokens (words or characters) the model's vocabulary did not hold:
 * those were read as the unknown token, so a high share warns that the prediction rests on little the model knows.
 * Zoo translators of text models return it where their type is {@code Classifications}; cast to read the counts.
 */
public class TextClassifications extends Classifications {

    private final int tokens;
    private final int unknownTokens;

    /**
     * Creates the classifications from the model's probabilities, which it reads at once.
     *
     * @param classNames the class names, by class index
     * @param probabilities the probabilities, shape (C)
     * @param tokens how many tokens the model read
     * @param unknownTokens how many of them were outside the vocabulary
     * @throws IllegalArgumentException if the counts are negative or more tokens are unknown than were read
     */
    public TextClassifications(List<String> classNames, NDArray probabilities, int tokens, int unknownTokens) {
        super(classNames, probabilities);
        if (unknownTokens < 0 || unknownTokens > tokens) {
            throw new IllegalArgumentException("unknown tokens must be in [0, " + tokens + "], got " + unknownTokens);
        }
        this.tokens = tokens;
        this.unknownTokens = unknownTokens;
    }

    /**
     * Returns how many tokens the model read (after any cut to the trained length).
     *
     * @return the token count
     */
    public int tokens() {
        return tokens;
    }

    /**
     * Returns how many of the tokens read were outside the vocabulary and mapped to the unknown token.
     *
     * @return the unknown-token count
     */
    public int unknownTokens() {
        return unknownTokens;
    }

    /** {@inheritDoc} Ends with the token counts. */
    @Override
    public String toString() {
        return super.toString() + "(" + unknownTokens + " of " + tokens + " tokens unknown)\n";
    }
}
