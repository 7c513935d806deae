package io.parallellmu.models;

/**
 * Beam-search settings.
 *
 * <p>Hypotheses are ranked by log P / lp(n), with the GNMT length penalty lp(n) = ((5 + n) / 6)^α (Wu et al.,
 * 2016), where n counts the generated tokens including {@code <eos>}. α = 0 ranks by raw log-probability; larger α
 * favours longer outputs.
 *
 * @param beamSize hypotheses kept per step, at least 1
 * @param lengthPenalty α, at least 0
 * @param maxLength most generated tokens per sentence (excluding {@code <bos>}), at least 1
 */
public record BeamSettings(int beamSize, double lengthPenalty, int maxLength) {

    /** Checks the ranges. */
    public BeamSettings {
        ConfigChecks.positive("beamSize", beamSize);
        ConfigChecks.positive("maxLength", maxLength);
        if (!(lengthPenalty >= 0)) {
            throw new IllegalArgumentException("lengthPenalty must be at least 0, got " + lengthPenalty);
        }
    }

    /**
     * Returns the normalised score of a hypothesis.
     *
     * @param logProbability its total log-probability
     * @param length its generated tokens, including {@code <eos>} if it has one
     * @return log P / lp(length)
     */
    public double normalise(double logProbability, int length) {
        return logProbability / Math.pow((5.0 + length) / 6.0, lengthPenalty);
    }
}
