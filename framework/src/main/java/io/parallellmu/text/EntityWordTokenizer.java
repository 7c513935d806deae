package io.parallellmu.text;

import ai.djl.modality.nlp.preprocess.Tokenizer;
import java.util.List;

/**
 * The tokens of the IWSLT'15 release's format: {@link WordTokenizer}'s tokens, each escaped with the release's HTML
 * entities ({@link HtmlEntities#encode}); sentences are built back with the entities decoded. The gettext stand-in
 * of IWSLT is tokenised by it, and the zoo's translation models tokenise new text with it.
 */
public final class EntityWordTokenizer implements Tokenizer {

    private final WordTokenizer words;

    /**
     * Creates a tokeniser.
     *
     * @param lowerCase whether to lower-case the text first
     */
    public EntityWordTokenizer(boolean lowerCase) {
        this.words = new WordTokenizer(lowerCase);
    }

    /**
     * Returns whether this tokeniser lower-cases.
     *
     * @return {@code true} if text is lower-cased before splitting
     */
    public boolean lowerCases() {
        return words.lowerCases();
    }

    /** {@inheritDoc} */
    @Override
    public List<String> tokenize(String sentence) {
        return words.tokenize(sentence).stream().map(HtmlEntities::encode).toList();
    }

    /**
     * Joins tokens with single spaces and decodes their entities: text for people and for BLEU.
     *
     * @param tokens escaped tokens
     * @return the sentence
     */
    @Override
    public String buildSentence(List<String> tokens) {
        return HtmlEntities.decode(String.join(" ", tokens));
    }
}
