package io.parallellmu.datasets.mackeyglass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.List;
import org.junit.jupiter.api.Test;

class MackeyGlassGeneratorTest {

    /** The paper's recipe with fewer, shorter series, so that the tests stay fast. */
    private static MackeyGlassRecipe small(long seed) {
        MackeyGlassRecipe r = MackeyGlassRecipe.lmu2019(seed);
        return new MackeyGlassRecipe(r.beta(), r.gamma(), r.exponent(), r.tau(), r.subSteps(), r.washout(), 2000, 8, r.horizon(), seed, true);
    }

    @Test
    void sameSeedGivesIdenticalSeriesOtherSeedsDiffer() {
        double[][] first = new MackeyGlassGenerator(small(7)).generate();
        double[][] again = new MackeyGlassGenerator(small(7)).generate();
        double[][] other = new MackeyGlassGenerator(small(8)).generate();
        for (int s = 0; s < first.length; s++) {
            assertArrayEquals(first[s], again[s], 0.0);
            assertFalse(Arrays.equals(first[s], other[s]), "series " + s);
        }
    }

    @Test
    void seriesDoNotDependOnHowManyAreGenerated() {
        MackeyGlassRecipe few = small(3);
        MackeyGlassRecipe more = new MackeyGlassRecipe(
                few.beta(), few.gamma(), few.exponent(), few.tau(), few.subSteps(), few.washout(), few.length(), 12, few.horizon(), 3, true);
        double[][] a = new MackeyGlassGenerator(few).generate();
        double[][] b = new MackeyGlassGenerator(more).generate();
        for (int s = 0; s < a.length; s++) {
            assertArrayEquals(a[s], b[s], 0.0);
        }
    }

    @Test
    void fineTrajectoryFollowsTheDelayEquationWithTheExactDelay() {
        MackeyGlassRecipe recipe = small(1);
        MackeyGlassGenerator generator = new MackeyGlassGenerator(recipe);
        double[] x = generator.fineTrajectory(new Random(1));
        int delay = recipe.delaySubSteps();
        double dt = 1.0 / recipe.subSteps();
        assertEquals(170, delay);
        assertEquals(delay + 1 + recipe.totalSteps() * 10, x.length);
        for (int k = delay; k < x.length - 1; k++) {
            double delayed = x[k - delay];
            double expected = x[k] + dt * (0.2 * delayed / (1 + Math.pow(delayed, 10)) - 0.1 * x[k]);
            assertEquals(expected, x[k + 1], 1e-12, "sub-step " + k);
        }
        // A delay one sub-step off does not fit, so the check above can tell the delays apart.
        int k = delay + 500;
        double offByOne = x[k] + dt * (0.2 * x[k - delay + 1] / (1 + Math.pow(x[k - delay + 1], 10)) - 0.1 * x[k]);
        assertNotEquals(offByOne, x[k + 1], 1e-9);
    }

    @Test
    void initialHistoryIsUniformAroundOnePointTwo() {
        MackeyGlassRecipe recipe = small(2);
        double[] x = new MackeyGlassGenerator(recipe).fineTrajectory(new Random(2));
        double sum = 0;
        for (int k = 0; k <= recipe.delaySubSteps(); k++) {
            assertTrue(x[k] >= 1.1 && x[k] <= 1.3, "history value " + x[k]);
            sum += x[k];
        }
        assertEquals(1.2, sum / (recipe.delaySubSteps() + 1), 0.02);
    }

    @Test
    void sampledStepsAreEveryTenthSubStepAfterTheWashout() {
        MackeyGlassRecipe recipe = small(4);
        MackeyGlassGenerator generator = new MackeyGlassGenerator(recipe);
        double[] fine = generator.fineTrajectory(new Random(4));
        double[] sampled = generator.generate()[0];
        assertEquals(recipe.length() + recipe.horizon(), sampled.length);
        for (int t = 0; t < sampled.length; t++) {
            assertEquals(fine[170 + (recipe.washout() + 1 + t) * 10], sampled[t], 0.0);
        }
    }

    @Test
    void seriesStayOnTheTauSeventeenAttractor() {
        double[][] series = new MackeyGlassGenerator(small(5)).generate();
        double sum = 0;
        long count = 0;
        for (double[] values : series) {
            double min = Arrays.stream(values).min().orElseThrow();
            double max = Arrays.stream(values).max().orElseThrow();
            // Known bounds of the tau = 17 attractor: about 0.41 .. 1.32, oscillating around x* = 1.
            assertTrue(min > 0.35 && min < 0.5, "min " + min);
            assertTrue(max > 1.25 && max < 1.4, "max " + max);
            for (double v : values) {
                sum += v;
            }
            count += values.length;
        }
        double mean = sum / count;
        assertTrue(mean > 0.9 && mean < 0.96, "long-run mean of the tau = 17 attractor is about 0.93, was " + mean);
    }

    @Test
    void recipeChecksumCoversEveryParameter() {
        MackeyGlassRecipe base = MackeyGlassRecipe.lmu2019(0);
        assertEquals(base.checksum(), MackeyGlassRecipe.lmu2019(0).checksum());
        assertNotEquals(base.checksum(), MackeyGlassRecipe.lmu2019(1).checksum());
        MackeyGlassRecipe longer = new MackeyGlassRecipe(0.2, 0.1, 10, 17, 10, 100, 5001, 128, 15, 0, true);
        assertNotEquals(base.checksum(), longer.checksum());
        assertTrue(base.canonical().contains("beta=0.2 gamma=0.1 n=10 tau=17 substeps=10 washout=100 length=5000 series=128 horizon=15 seed=0"),
                base.canonical());
    }

    @Test
    void onlyTheLmu2019RecipeHasNoDifferencesFromIt() {
        assertEquals(List.of(), MackeyGlassRecipe.lmu2019(5).differencesFromLmu2019());
        MackeyGlassRecipe r = MackeyGlassRecipe.lmu2019(5);
        MackeyGlassRecipe shortened = new MackeyGlassRecipe(r.beta(), r.gamma(), r.exponent(), r.tau(), r.subSteps(),
                r.washout(), 100, 64, r.horizon(), 5, false);
        assertEquals(List.of("100 steps, not 5000", "64 series, not 128", "not squashed by tanh(x-1)"),
                shortened.differencesFromLmu2019());
    }

    @Test
    void recipeValidatesWithTheSettingsName() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new MackeyGlassRecipe(0.2, 0.1, 10, 17, 10, 100, 0, 128, 15, 0, true));
        assertEquals("length must be positive, was 0", e.getMessage());
        IllegalArgumentException count = assertThrows(
                IllegalArgumentException.class, () -> new MackeyGlassRecipe(0.2, 0.1, 10, 17, 10, 100, 10, 1, 15, 0, true));
        assertEquals("seriesCount must be at least 2 (half train, half test), was 1", count.getMessage());
    }
}
