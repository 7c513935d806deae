package io.parallellmu.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus-level BLEU-4 (Papineni et al., 2002) with one reference per hypothesis.
 *
 * <p>Clipped n-gram matches and hypothesis n-gram counts are summed over the whole corpus before the precisions
 * p₁…p₄ are formed, and the brevity penalty uses the corpus totals c (hypothesis tokens) and r (reference
 * tokens): BP = 1 if c &gt; r, else exp(1 − r/c). BLEU = BP · exp(¼ Σₙ ln pₙ), in [0, 1] (multiply by 100 for
 * the usual scale). There is no smoothing: if some n-gram order has no match anywhere in the corpus, BLEU is 0.
 *
 * <p>Tokenisation: {@link #tokenize(String)} splits on runs of whitespace and keeps everything else verbatim (no
 * lower-casing, no punctuation splitting), which suits pre-tokenised corpora such as IWSLT'15 En-Vi.
 */
public final class CorpusBleu {

    /** The highest n-gram order. */
    public static final int MAX_ORDER = 4;

    private final long[] matches = new long[MAX_ORDER];
    private final long[] hypothesisNgrams = new long[MAX_ORDER];
    private long hypothesisLength;
    private long referenceLength;

    /**
     * Splits text into tokens on whitespace.
     *
     * @param text the text
     * @return its tokens; empty for blank text
     */
    public static List<String> tokenize(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }

    /**
     * Adds one hypothesis and its reference, both as whitespace-separated text.
     *
     * @param hypothesis the system output
     * @param reference the reference translation
     */
    public void add(String hypothesis, String reference) {
        add(tokenize(hypothesis), tokenize(reference));
    }

    /**
     * Adds one tokenised hypothesis and its tokenised reference.
     *
     * @param hypothesis the system output's tokens
     * @param reference the reference's tokens
     */
    public void add(List<String> hypothesis, List<String> reference) {
        hypothesisLength += hypothesis.size();
        referenceLength += reference.size();
        for (int n = 1; n <= MAX_ORDER; n++) {
            Map<List<String>, Integer> referenceCounts = ngramCounts(reference, n);
            for (Map.Entry<List<String>, Integer> entry : ngramCounts(hypothesis, n).entrySet()) {
                matches[n - 1] += Math.min(entry.getValue(), referenceCounts.getOrDefault(entry.getKey(), 0));
                hypothesisNgrams[n - 1] += entry.getValue();
            }
        }
    }

    /**
     * Returns the corpus's modified n-gram precision pₙ.
     *
     * @param n the order, 1 to {@value #MAX_ORDER}
     * @return clipped matches over hypothesis n-grams, or 0 if the hypotheses have no n-gram of this order
     */
    public double precision(int n) {
        if (n < 1 || n > MAX_ORDER) {
            throw new IllegalArgumentException("n must be in 1.." + MAX_ORDER + ", got " + n);
        }
        long total = hypothesisNgrams[n - 1];
        return total == 0 ? 0 : (double) matches[n - 1] / total;
    }

    /**
     * Returns the corpus brevity penalty.
     *
     * @return 1 if the hypotheses are longer than the references in total, else exp(1 − r/c); 0 if c = 0
     */
    public double brevityPenalty() {
        if (hypothesisLength == 0) {
            return 0;
        }
        return hypothesisLength > referenceLength ? 1 : Math.exp(1 - (double) referenceLength / hypothesisLength);
    }

    /**
     * Returns corpus BLEU-4.
     *
     * @return BLEU in [0, 1]
     */
    public double bleu() {
        double logPrecisionSum = 0;
        for (int n = 1; n <= MAX_ORDER; n++) {
            double precision = precision(n);
            if (precision == 0) {
                return 0;
            }
            logPrecisionSum += Math.log(precision);
        }
        return brevityPenalty() * Math.exp(logPrecisionSum / MAX_ORDER);
    }

    private static Map<List<String>, Integer> ngramCounts(List<String> tokens, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int start = 0; start + n <= tokens.size(); start++) {
            counts.merge(tokens.subList(start, start + n), 1, Integer::sum);
        }
        return counts;
    }
}
