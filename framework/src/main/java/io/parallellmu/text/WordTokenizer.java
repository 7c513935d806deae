package io.parallellmu.text;

import ai.djl.modality.nlp.preprocess.Tokenizer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The project's deterministic word-level tokeniser, for IMDB, QQP, SNLI and the gettext stand-in of IWSLT.
 *
 * <p>The rules, applied in order:
 *
 * <ol>
 *   <li>The text is put in Unicode normal form NFC, so that composed and decomposed accents (as in
 *       Vietnamese) give the same token.
 *   <li>If lower-casing is on, the text is lower-cased with {@link Locale#ROOT} (no locale-specific rules).
 *   <li>A word is a maximal run of letters, digits and combining marks. An apostrophe ({@code '} or
 *       {@code ’}) between two such characters stays inside the word, so {@code don't} is one token.
 *   <li>Every other character that is not white space (punctuation, symbols) is a token of its own.
 *   <li>White space only separates tokens.
 * </ol>
 *
 * <p>The result depends only on the input string, never on the platform's locale or default charset.
 */
public final class WordTokenizer implements Tokenizer {

    private final boolean lowerCase;

    /**
     * Creates a tokeniser.
     *
     * @param lowerCase whether to lower-case the text first
     */
    public WordTokenizer(boolean lowerCase) {
        this.lowerCase = lowerCase;
    }

    /**
     * Returns whether this tokeniser lower-cases.
     *
     * @return {@code true} if text is lower-cased before splitting
     */
    public boolean lowerCases() {
        return lowerCase;
    }

    /** {@inheritDoc} */
    @Override
    public List<String> tokenize(String sentence) {
        String text = Normalizer.normalize(sentence, Normalizer.Form.NFC);
        if (lowerCase) {
            text = text.toLowerCase(Locale.ROOT);
        }
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (isSpace(cp)) {
                i += Character.charCount(cp);
            } else if (isWordChar(cp)) {
                int end = wordEnd(text, i);
                tokens.add(text.substring(i, end));
                i = end;
            } else {
                int end = i + Character.charCount(cp);
                tokens.add(text.substring(i, end));
                i = end;
            }
        }
        return tokens;
    }

    /**
     * Joins tokens with single spaces.
     *
     * @param tokens the tokens
     * @return the tokens separated by spaces
     */
    @Override
    public String buildSentence(List<String> tokens) {
        return String.join(" ", tokens);
    }

    private static int wordEnd(String text, int start) {
        int i = start;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isWordChar(cp)) {
                i = next;
            } else if (isApostrophe(cp) && next < text.length() && isWordChar(text.codePointAt(next))) {
                i = next;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isWordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp)
                || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019';
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }
}
