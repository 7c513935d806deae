package io.parallellmu.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {

    private final WordTokenizer lower = new WordTokenizer(true);
    private final WordTokenizer cased = new WordTokenizer(false);

    @Test
    void splitsPunctuationAndKeepsInnerApostrophes() {
        assertEquals(
                List.of("don't", "stop", "!", "it", "cost", "$", "3", ".", "5", "?"),
                lower.tokenize("Don't STOP! It cost $3.5?"));
    }

    @Test
    void trailingAndLeadingApostrophesAreTokens() {
        assertEquals(List.of("'", "dogs", "'", "bowls"), lower.tokenize("'Dogs' bowls"));
        assertEquals(List.of("the", "kids", "’", "toys"), lower.tokenize("the kids’ toys"));
    }

    @Test
    void keepsCaseWhenAskedAndComposesAccents() {
        String decomposed = "Vie\u0302\u0323t Nam"; // e + circumflex + dot below, decomposed
        assertEquals(List.of("Việt", "Nam"), cased.tokenize(decomposed));
        assertEquals(List.of("việt", "nam"), lower.tokenize("VIỆT NAM"));
    }

    @Test
    void lowerCasingIgnoresTheDefaultLocale() {
        assertEquals(List.of("title"), lower.tokenize("TITLE"));
        assertEquals(List.of("i̇stanbul"), lower.tokenize("İstanbul"));
    }

    @Test
    void whiteSpaceOnlySeparates() {
        assertEquals(List.of("a", "b", "c"), lower.tokenize("  a\tb\u00A0\n c  "));
        assertEquals(List.of(), lower.tokenize(" \n "));
    }

    @Test
    void buildSentenceJoinsWithSpaces() {
        assertEquals("a b !", lower.buildSentence(List.of("a", "b", "!")));
    }
}
