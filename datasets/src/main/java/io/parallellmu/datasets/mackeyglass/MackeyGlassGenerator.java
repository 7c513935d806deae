package io.parallellmu.datasets.mackeyglass;

import java.util.Random;

/**
 * Integrates the Mackey-Glass equation by the LMU 2019 recipe: Euler steps of dt = 1 / subSteps from a
 * random initial history uniform in [1.1, 1.3], sampling the state at every whole time step.
 *
 * <p>On the fine grid x[k], with D = tau * subSteps: x[k+1] = x[k] + dt (beta x[k-D] / (1 + x[k-D]^n) -
 * gamma x[k]). The history is x[0..D] and time step t is x[D + t * subSteps]. The histories of all series
 * come, one after another, from one {@code java.util.Random(seed)}, so series i does not depend on how
 * many series are generated.
 */
public final class MackeyGlassGenerator {

    private static final double HISTORY_CENTRE = 1.2;
    private static final double HISTORY_WIDTH = 0.2;

    private final MackeyGlassRecipe recipe;

    /**
     * Creates a generator.
     *
     * @param recipe what to generate
     */
    public MackeyGlassGenerator(MackeyGlassRecipe recipe) {
        this.recipe = recipe;
    }

    /**
     * Generates every series, sampled at whole time steps, with the washout dropped and not centred.
     *
     * @return {@code seriesCount} series of {@code length + horizon} values // (S, L + horizon)
     */
    public double[][] generate() {
        Random random = new Random(recipe.seed());
        double[][] series = new double[recipe.seriesCount()][];
        int kept = recipe.length() + recipe.horizon();
        for (int s = 0; s < series.length; s++) {
            double[] fine = fineTrajectory(random);
            double[] sampled = new double[kept];
            for (int t = 0; t < kept; t++) {
                int step = recipe.washout() + 1 + t;
                sampled[t] = fine[recipe.delaySubSteps() + step * recipe.subSteps()];
            }
            series[s] = sampled;
        }
        return series;
    }

    /**
     * Integrates one series on the fine grid: the random history x[0..D] followed by {@code totalSteps *
     * subSteps} Euler steps.
     *
     * @param random the source of the initial history, advanced by D + 1 draws
     * @return the fine trajectory, history included
     */
    double[] fineTrajectory(Random random) {
        int delay = recipe.delaySubSteps();
        double[] x = new double[delay + 1 + recipe.totalSteps() * recipe.subSteps()];
        for (int k = 0; k <= delay; k++) {
            x[k] = HISTORY_CENTRE + HISTORY_WIDTH * (random.nextDouble() - 0.5);
        }
        double dt = 1.0 / recipe.subSteps();
        for (int k = delay; k < x.length - 1; k++) {
            x[k + 1] = x[k] + dt * derivative(x[k], x[k - delay]);
        }
        return x;
    }

    /**
     * Returns dx/dt = beta x(t - tau) / (1 + x(t - tau)^n) - gamma x(t).
     *
     * @param now x(t)
     * @param delayed x(t - tau)
     * @return the derivative
     */
    double derivative(double now, double delayed) {
        return recipe.beta() * delayed / (1 + power(delayed, recipe.exponent())) - recipe.gamma() * now;
    }

    /** Repeated multiplication, which IEEE 754 makes identical on every platform, unlike Math.pow. */
    private static double power(double base, int exponent) {
        double result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
