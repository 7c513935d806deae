package io.parallellmu.metrics;

import ai.djl.ndarray.NDList;

/**
 * Bits per character: the mean cross-entropy over predicted characters, in nats, divided by ln 2.
 *
 * <p>Predictions are logits (B, L, V); labels are the next characters (B, L), optionally followed by valid
 * lengths (B) so that padding is not counted. The mean is over all counted characters of the split (not a mean of
 * per-batch means).
 */
public final class BitsPerCharacter implements Metric {

    private double natsSum;
    private double characters;

    /**
     * Converts a mean cross-entropy in nats to bits.
     *
     * @param meanNats mean cross-entropy in nats per character
     * @return bits per character
     */
    public static double fromMeanNats(double meanNats) {
        return meanNats / Math.log(2);
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return "bpc";
    }

    /** {@inheritDoc} */
    @Override
    public boolean higherIsBetter() {
        return false;
    }

    /** {@inheritDoc} */
    @Override
    public void reset() {
        natsSum = 0;
        characters = 0;
    }

    /** {@inheritDoc} */
    @Override
    public void update(NDList labels, NDList predictions) {
        NDList perToken = TokenCrossEntropy.perToken(labels, predictions.get(0));
        natsSum += perToken.get(0).mul(perToken.get(1)).sum().getFloat();
        characters += perToken.get(1).sum().getFloat();
    }

    /** {@inheritDoc} */
    @Override
    public double value() {
        if (characters == 0) {
            throw new IllegalStateException("bpc: no characters were added");
        }
        return fromMeanNats(natsSum / characters);
    }
}
