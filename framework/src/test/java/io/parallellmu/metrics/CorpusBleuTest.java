package io.parallellmu.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked BLEU examples; each expected value is derived in the comment above it. */
class CorpusBleuTest {

    private static final double EXACT = 1e-12;

    @Test
    void sameLengthSentenceUsesAllFourPrecisions() {
        CorpusBleu bleu = new CorpusBleu();
        bleu.add("the cat sat on the mat", "the cat sat on a mat");
        // p1 = 5/6 ("the" clipped to 1), p2 = 3/5, p3 = 2/4, p4 = 1/3; c = r = 6 so BP = 1.
        assertEquals(5.0 / 6, bleu.precision(1), EXACT);
        assertEquals(3.0 / 5, bleu.precision(2), EXACT);
        assertEquals(2.0 / 4, bleu.precision(3), EXACT);
        assertEquals(1.0 / 3, bleu.precision(4), EXACT);
        assertEquals(1.0, bleu.brevityPenalty(), EXACT);
        assertEquals(Math.pow(1.0 / 12, 0.25), bleu.bleu(), EXACT);
    }

    @Test
    void shortHypothesisIsPenalised() {
        CorpusBleu bleu = new CorpusBleu();
        bleu.add("the cat sat on", "the cat sat on the mat");
        // All precisions are 1; c = 4, r = 6, BP = exp(1 - 6/4).
        assertEquals(Math.exp(-0.5), bleu.brevityPenalty(), EXACT);
        assertEquals(Math.exp(-0.5), bleu.bleu(), EXACT);
    }

    @Test
    void corpusTotalsAreSummedBeforeThePrecisionsAndThePenalty() {
        CorpusBleu bleu = new CorpusBleu();
        bleu.add("the cat sat on the mat", "the cat sat on a mat");
        bleu.add("the cat sat on", "the cat sat on the mat");
        // p1 = 9/10, p2 = 6/8, p3 = 4/6, p4 = 2/4; c = 10, r = 12, BP = exp(1 - 12/10).
        double expected = Math.exp(-0.2) * Math.pow(0.9 * 0.75 * (4.0 / 6) * 0.5, 0.25);
        assertEquals(expected, bleu.bleu(), EXACT);
        double meanOfSentenceBleus = (Math.pow(1.0 / 12, 0.25) + Math.exp(-0.5)) / 2;
        assertNotEquals(meanOfSentenceBleus, bleu.bleu(), 1e-3);
    }

    @Test
    void anOrderWithNoMatchAnywhereGivesZero() {
        CorpusBleu bleu = new CorpusBleu();
        bleu.add("the cat the mat", "the cat sat on the mat");
        // p1 = 4/4, p2 = 2/3 ("the cat", "the mat"), p3 = 0/2: no smoothing, so BLEU = 0.
        assertEquals(2.0 / 3, bleu.precision(2), EXACT);
        assertEquals(0.0, bleu.precision(3), EXACT);
        assertEquals(0.0, bleu.bleu(), EXACT);
    }

    @Test
    void aSentenceWithoutTrigramMatchesDoesNotZeroTheCorpus() {
        CorpusBleu bleu = new CorpusBleu();
        bleu.add("the cat the mat", "the cat sat on the mat");
        bleu.add("the cat sat on", "the cat sat on the mat");
        // p1 = 8/8, p2 = 5/6, p3 = 2/4, p4 = 1/2; c = 8, r = 12, BP = exp(1 - 12/8).
        double expected = Math.exp(-0.5) * Math.pow((5.0 / 6) * 0.5 * 0.5, 0.25);
        assertEquals(expected, bleu.bleu(), EXACT);
    }

    @Test
    void identicalCorpusScoresOneAndEmptyHypothesisScoresZero() {
        CorpusBleu perfect = new CorpusBleu();
        perfect.add("a b c d e", "a b c d e");
        assertEquals(1.0, perfect.bleu(), EXACT);
        CorpusBleu empty = new CorpusBleu();
        empty.add("", "a b c d e");
        assertEquals(0.0, empty.bleu(), EXACT);
    }

    @Test
    void tokenisationSplitsOnWhitespaceRunsOnly() {
        assertEquals(List.of("Hello,", "world", "&apos;s"), CorpusBleu.tokenize("  Hello,\t world \n&apos;s "));
        assertEquals(List.of(), CorpusBleu.tokenize("   "));
        assertThrows(IllegalArgumentException.class, () -> new CorpusBleu().precision(5));
    }
}
