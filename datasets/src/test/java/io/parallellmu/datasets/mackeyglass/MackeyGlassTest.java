package io.parallellmu.datasets.mackeyglass;

import io.parallellmu.vocabulary.DataKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import io.parallellmu.datasets.DataProvenance;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MackeyGlassTest {

    private static final int SERIES = 6;
    private static final int LENGTH = 400;

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** The shortened set-up: neither squashed nor with a validation split. */
    private MackeyGlass load(Dataset.Usage usage, long seed) {
        return prepared(builder(usage, seed).optSquash(false).optValidationSplit(0));
    }

    private MackeyGlass.Builder builder(Dataset.Usage usage, long seed) {
        return MackeyGlass.builder()
                .optUsage(usage)
                .optSeriesCount(SERIES)
                .optSeriesLength(LENGTH)
                .optSeed(seed)
                .optManager(manager)
                .setSampling(2, false);
    }

    private static MackeyGlass prepared(MackeyGlass.Builder builder) {
        MackeyGlass dataset = builder.build();
        dataset.prepare(null);
        return dataset;
    }

    private float[] all(MackeyGlass dataset, boolean labels) {
        var record = dataset.getByRange(manager, 0, dataset.size());
        return (labels ? record.getLabels() : record.getData()).singletonOrThrow().toFloatArray();
    }

    @Test
    void targetsAreTheInputsFifteenStepsAhead() {
        MackeyGlass train = load(Dataset.Usage.TRAIN, 0);
        float[] x = all(train, false);
        float[] y = all(train, true);
        for (int s = 0; s < SERIES / 2; s++) {
            for (int t = 0; t + 15 < LENGTH; t++) {
                assertEquals(x[s * LENGTH + t + 15], y[s * LENGTH + t], 0f, "series " + s + " step " + t);
            }
        }
        // Not the past (the original experiment's old bug): y[t] differs from x[t - 15].
        int mismatches = 0;
        for (int t = 15; t < LENGTH; t++) {
            mismatches += x[t - 15] != y[t] ? 1 : 0;
        }
        assertEquals(LENGTH - 15, mismatches);
    }

    @Test
    void targetsMatchTheGeneratorCentredByTheGlobalMean() {
        MackeyGlass test = load(Dataset.Usage.TEST, 3);
        double[][] raw = new MackeyGlassGenerator(test.getRecipe()).generate();
        double sum = 0;
        long count = 0;
        for (double[] series : raw) {
            for (double v : series) {
                sum += v;
            }
            count += series.length;
        }
        double mean = sum / count;
        assertEquals(mean, test.getMean(), 0.0, "the offset a forecaster adds back");
        assertEquals(mean, load(Dataset.Usage.TRAIN, 3).getMean(), 0.0, "train and test halves share it");
        float[] y = all(test, true);
        int firstTest = SERIES / 2;
        assertEquals((float) (raw[firstTest][15] - mean), y[0], 0f);
        assertEquals((float) (raw[SERIES - 1][LENGTH + 14] - mean), y[y.length - 1], 0f);
    }

    @Test
    void inputsAreCentred() {
        float[] train = all(load(Dataset.Usage.TRAIN, 1), false);
        float[] test = all(load(Dataset.Usage.TEST, 1), false);
        double sum = 0;
        for (float v : train) {
            sum += v;
        }
        for (float v : test) {
            sum += v;
        }
        assertEquals(0, sum / (train.length + test.length), 0.01);
    }

    @Test
    void splitsHalfAndHalfAsStackedSequences() throws Exception {
        MackeyGlass train = load(Dataset.Usage.TRAIN, 0);
        MackeyGlass test = load(Dataset.Usage.TEST, 0);
        assertEquals(SERIES / 2, train.size());
        assertEquals(SERIES / 2, test.size());
        assertNotEquals(all(train, false)[0], all(test, false)[0]);
        for (Batch batch : train.getData(manager)) {
            NDArray data = batch.getData().singletonOrThrow();
            assertEquals(new Shape(2, LENGTH, 1), data.getShape());
            assertEquals(new Shape(2, LENGTH, 1), batch.getLabels().singletonOrThrow().getShape());
            batch.close();
            break;
        }
    }

    @Test
    void provenanceIsTheOfficialRecipe() {
        MackeyGlass train = load(Dataset.Usage.TRAIN, 9);
        DataProvenance provenance = train.provenance();
        assertEquals("mackey-glass", provenance.task());
        assertEquals(DataKind.OFFICIAL, provenance.kind());
        assertEquals(train.getRecipe().checksum(), provenance.checksum());
        assertTrue(provenance.sourceName().contains("seed=9"), provenance.sourceName());
        assertTrue(provenance.sourceName().startsWith("generated by the LMU 2019 generator, differing from its recipe (400"
                + " steps, not 5000; 6 series, not 128; not squashed by tanh(x-1); 0 of the training series validate, not"
                + " half): "), "a shortened set-up is not called the recipe: " + provenance.sourceName());
        assertEquals(Map.of("train", 3L, "test", 3L), provenance.splitSizes());
        assertNotEquals(provenance.checksum(), load(Dataset.Usage.TRAIN, 10).provenance().checksum());
    }

    @Test
    void defaultsAreThePapersRecipe() {
        MackeyGlass dataset = MackeyGlass.builder().optManager(manager).setSampling(32, true).build();
        MackeyGlassRecipe recipe = dataset.getRecipe();
        assertEquals(MackeyGlassRecipe.lmu2019(0), recipe);
        assertEquals(128, recipe.seriesCount());
        assertEquals(5000, recipe.length());
        assertEquals(100, recipe.washout());
        assertEquals(15, recipe.horizon());
    }

    @Test
    void recipeSquashesByTanhThenSubtractsTheGlobalMean() {
        MackeyGlass test = prepared(builder(Dataset.Usage.TEST, 4)); // the recipe's defaults: squashed
        double[][] raw = new MackeyGlassGenerator(test.getRecipe()).generate();
        double sum = 0;
        long count = 0;
        for (double[] series : raw) {
            for (double v : series) {
                sum += Math.tanh(v - 1);
            }
            count += series.length;
        }
        double mean = sum / count;
        assertEquals(mean, test.getMean(), 1e-12);
        assertTrue(mean < -0.02 && mean > -0.12, "the squashed series' mean is about -0.066, was " + mean);
        float[] x = all(test, false);
        int firstTest = SERIES / 2;
        assertEquals((float) (Math.tanh(raw[firstTest][0] - 1) - mean), x[0], 0f);
        assertEquals((float) (Math.tanh(raw[SERIES - 1][LENGTH - 1] - 1) - mean), x[x.length - 1], 0f);
        assertTrue(test.provenance().sourceName().contains("squash=tanh(x-1)"), test.provenance().sourceName());
        assertNotEquals(test.getRecipe().checksum(), load(Dataset.Usage.TEST, 4).getRecipe().checksum(),
                "squashed and unsquashed data have different checksums");
    }

    @Test
    void persistenceScoresAboutTheRecipesNrmseOnTheFullTestSet() {
        MackeyGlass test = MackeyGlass.builder().optUsage(Dataset.Usage.TEST).optManager(manager).setSampling(32, false)
                .build(); // the whole LMU 2019 recipe: 64 test series of 5,000 steps, squashed and centred
        test.prepare(null);
        float[] x = all(test, false);
        float[] y = all(test, true);
        double squaredError = 0;
        double squaredTarget = 0;
        for (int i = 0; i < x.length; i++) {
            squaredError += (x[i] - y[i]) * (double) (x[i] - y[i]); // predicting x(t + 15) by x(t)
            squaredTarget += y[i] * (double) y[i];
        }
        double nrmse = Math.sqrt(squaredError / squaredTarget);
        assertEquals(1.624, nrmse, 0.01, "the persistence forecast, as an independent generator scores it");
    }

    @Test
    void recipeValidatesOnTheLastHalfOfTheTrainingSeries() {
        int series = 8; // training half 4: series 0-1 train, 2-3 validate, 4-7 test
        float[][] splits = new float[3][];
        Dataset.Usage[] usages = {Dataset.Usage.TRAIN, Dataset.Usage.VALIDATION, Dataset.Usage.TEST};
        MackeyGlass train = null;
        for (int i = 0; i < usages.length; i++) {
            MackeyGlass split = prepared(builder(usages[i], 2).optSeriesCount(series));
            splits[i] = all(split, false);
            train = i == 0 ? split : train;
        }
        assertEquals(Map.of("train", 2L, "valid", 2L, "test", 4L), train.provenance().splitSizes());
        assertEquals(2 * LENGTH, splits[0].length);
        assertEquals(2 * LENGTH, splits[1].length);
        assertEquals(4 * LENGTH, splits[2].length);
        double[][] raw = new MackeyGlassGenerator(train.getRecipe()).generate();
        double mean = train.getMean();
        for (int i = 0; i < usages.length; i++) {
            int firstSeries = new int[] {0, 2, 4}[i];
            assertEquals((float) (Math.tanh(raw[firstSeries][0] - 1) - mean), splits[i][0], 0f, usages[i].name());
        }
    }

    @Test
    void validationUsageNeedsAValidationSplit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MackeyGlass.builder()
                .optUsage(Dataset.Usage.VALIDATION)
                .optValidationSplit(0)
                .setSampling(1, false)
                .build());
        assertTrue(e.getMessage().startsWith("usage VALIDATION needs a validation split"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MackeyGlass.builder().optValidationSplit(1).setSampling(1, false)
                .build());
    }
}
