package io.parallellmu.zoo;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.translate.TranslateException;
import java.util.List;
import java.util.Random;

/**
 * Generates text with a character-level language model loaded as {@code String → Classifications} (a
 * {@link CharacterModel} artifact): one character at a time, each drawn from the model's distribution after the
 * prefix and the characters drawn so far, sharpened or flattened by a temperature.
 */
public final class TextGenerator {

    private final Predictor<String, Classifications> predictor;

    /**
     * Creates a generator.
     *
     * @param predictor a predictor of the model's next character
     */
    public TextGenerator(Predictor<String, Classifications> predictor) {
        this.predictor = predictor;
    }

    /**
     * Generates characters after a prefix. At temperature T > 0 a character of probability p is drawn with
     * probability proportional to p^(1/T); at T = 0 the most likely one is taken (the first in vocabulary order on
     * a tie). The same prefix, count, temperature and seed give the same text.
     *
     * @param prefix the text to continue, at least one character
     * @param n how many characters to generate, at least 0
     * @param temperature T, at least 0
     * @param seed the seed of the draws
     * @return the n generated characters, without the prefix
     * @throws IllegalArgumentException if n or the temperature is negative
     * @throws TranslateException if the prefix is empty or the model fails
     */
    public String generate(String prefix, int n, double temperature, long seed) throws TranslateException {
        if (n < 0 || !(temperature >= 0)) {
            throw new IllegalArgumentException("n and temperature must be at least 0, got " + n + " and "
                    + temperature);
        }
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(prefix == null ? "" : prefix);
        int start = text.length();
        for (int i = 0; i < n; i++) {
            Classifications next = predictor.predict(text.toString());
            text.append(next.getClassNames().get(draw(next.getProbabilities(), temperature, random)));
        }
        return text.substring(start);
    }

    /** The index drawn from the probabilities at the temperature. */
    private static int draw(List<Double> probabilities, double temperature, Random random) {
        int best = 0;
        for (int i = 1; i < probabilities.size(); i++) {
            best = probabilities.get(i) > probabilities.get(best) ? i : best;
        }
        if (temperature == 0) {
            return best;
        }
        // p^(1/T), scaled by the largest so that a small T cannot overflow
        double[] weights = new double[probabilities.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.exp((Math.log(probabilities.get(i)) - Math.log(probabilities.get(best))) / temperature);
            total += weights[i];
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return best;
    }
}
