package io.parallellmu.zoo;

/**
 * A translation with how many words of its source the model's vocabulary did not hold: those were read as the
 * unknown token, so a high share warns that the translation rests on little the model knows. A translation model
 * gives it for {@code String → TranslatedText}; {@code String → String} gives its text alone.
 *
 * @param text the translation, de-tokenised
 * @param tokens how many source tokens the model read (after any cut to the trained length)
 * @param unknownTokens how many of them were outside the source vocabulary
 */
public record TranslatedText(String text, int tokens, int unknownTokens) {

    /**
     * Checks the counts.
     *
     * @throws IllegalArgumentException if the counts are negative or more tokens are unknown than were read
     */
    public TranslatedText {
        if (unknownTokens < 0 || unknownTokens > tokens) {
            throw new IllegalArgumentException("unknown tokens must be in [0, " + tokens + "], got " + unknownTokens);
        }
    }
}
