package io.parallellmu.datasets.mackeyglass;

import io.parallellmu.datasets.fetch.Checksums;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything that determines the generated Mackey-Glass data: the equation dx/dt = beta x(t - tau) /
 * (1 + x(t - tau)^n) - gamma x(t), its Euler integration, the series' sizes and the seed.
 *
 * @param beta the feedback gain beta
 * @param gamma the decay rate gamma
 * @param exponent the nonlinearity's exponent n
 * @param tau the delay tau, in time steps
 * @param subSteps Euler sub-steps per time step (dt = 1 / subSteps)
 * @param washout time steps dropped at the start of each series, while it forgets its random history
 * @param length time steps kept per series, inputs and targets alike
 * @param seriesCount the number of independent series
 * @param horizon how many steps ahead the target lies
 * @param seed the seed of the random initial histories
 * @param squash whether every value goes through tanh(x − 1) before the global mean is subtracted, as the LMU 2019
 *     notebook does after its January 2020 fix
 */
public record MackeyGlassRecipe(
        double beta,
        double gamma,
        int exponent,
        int tau,
        int subSteps,
        int washout,
        int length,
        int seriesCount,
        int horizon,
        long seed,
        boolean squash) {

    /** Version of the generation algorithm; part of the checksum, so changed data gets a new checksum. */
    public static final int GENERATOR_VERSION = 1;

    /** Validates the settings. */
    public MackeyGlassRecipe {
        requirePositive("beta", beta);
        requirePositive("gamma", gamma);
        requirePositive("exponent", exponent);
        requirePositive("tau", tau);
        requirePositive("subSteps", subSteps);
        requirePositive("length", length);
        requirePositive("horizon", horizon);
        if (washout < 0) {
            throw new IllegalArgumentException("washout must be at least 0, was " + washout);
        }
        if (seriesCount < 2) {
            throw new IllegalArgumentException("seriesCount must be at least 2 (half train, half test), was " + seriesCount);
        }
    }

    /**
     * Returns the LMU 2019 paper's recipe: beta 0.2, gamma 0.1, n 10, tau 17, 10 Euler sub-steps, 128
     * series of 5,000 steps after a washout of 100, squashed by tanh(x − 1), targets 15 steps ahead.
     *
     * @param seed the seed of the initial histories
     * @return the recipe
     */
    public static MackeyGlassRecipe lmu2019(long seed) {
        return new MackeyGlassRecipe(0.2, 0.1, 10, 17, 10, 100, 5000, 128, 15, seed, true);
    }

    /**
     * Returns the delay in Euler sub-steps.
     *
     * @return {@code tau * subSteps}
     */
    public int delaySubSteps() {
        return tau * subSteps;
    }

    /**
     * Returns the number of time steps to integrate per series.
     *
     * @return washout, kept length and horizon together
     */
    public int totalSteps() {
        return washout + length + horizon;
    }

    /**
     * Applies the recipe's squash to one generated value.
     *
     * @param value a value of the generated series
     * @return tanh(value − 1) if the recipe squashes, else the value
     */
    public double squashed(double value) {
        return squash ? Math.tanh(value - 1) : value;
    }

    /**
     * Names how this recipe's data differs from the LMU 2019 recipe's (the seed aside).
     *
     * @return for example {@code ["100 steps, not 5000", "not squashed by tanh(x-1)"]}; empty for the recipe itself
     */
    public List<String> differencesFromLmu2019() {
        MackeyGlassRecipe paper = lmu2019(seed);
        List<String> differences = new ArrayList<>();
        if (beta != paper.beta || gamma != paper.gamma || exponent != paper.exponent || tau != paper.tau
                || subSteps != paper.subSteps) {
            differences.add("another equation or integration");
        }
        differ(differences, "steps", length, paper.length);
        differ(differences, "series", seriesCount, paper.seriesCount);
        differ(differences, "washout steps", washout, paper.washout);
        differ(differences, "steps ahead", horizon, paper.horizon);
        if (!squash) {
            differences.add("not squashed by tanh(x-1)");
        }
        return differences;
    }

    private static void differ(List<String> differences, String what, int value, int paperValue) {
        if (value != paperValue) {
            differences.add(value + " " + what + ", not " + paperValue);
        }
    }

    /**
     * Returns the SHA-256 of the canonical description of this recipe, which fixes the generated data.
     *
     * @return the checksum in hex
     */
    public String checksum() {
        return Checksums.sha256(canonical().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the canonical one-line description that {@link #checksum()} hashes. Unsquashed data keeps the
     * description (and checksum) it had before the squash was added.
     *
     * @return the description
     */
    public String canonical() {
        return String.format(
                Locale.ROOT,
                "mackey-glass generator=%d beta=%s gamma=%s n=%d tau=%d substeps=%d washout=%d length=%d series=%d"
                        + " horizon=%d seed=%d history=uniform(1.1,1.3) centre=global-mean",
                GENERATOR_VERSION,
                Double.toString(beta),
                Double.toString(gamma),
                exponent,
                tau,
                subSteps,
                washout,
                length,
                seriesCount,
                horizon,
                seed) + (squash ? " squash=tanh(x-1)-then-centre" : "");
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
