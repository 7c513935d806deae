package io.parallellmu.datasets.mnist;

import io.parallellmu.vocabulary.DataKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.datasets.DataProvenance;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.fetch.Checksums;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PermutedMnistTest {

    private static final int TRAIN = 7;
    private static final int TEST = 3;
    private static final int VALIDATION = 2;

    @TempDir Path root;
    private Path official;
    private NDManager manager;

    @BeforeEach
    void setUp() {
        official = root.resolve("psmnist");
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private PermutedMnist.Builder builder(Dataset.Usage usage) {
        return PermutedMnist.builder()
                .optDataDir(root)
                .optSource(DataSource.OFFICIAL)
                .optUsage(usage)
                .optValidationSize(VALIDATION)
                .optPermutationSeed(5)
                .optManager(manager)
                .setSampling(4, false);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void loadsEachSplitPermutedAndScaled(boolean gzip) throws Exception {
        MnistFixtures.writeOfficial(official, TRAIN, TEST, gzip);
        int[] order = PixelPermutation.fromSeed(5, 784).order();

        assertSplit(Dataset.Usage.TRAIN, 0, 0, TRAIN - VALIDATION, order);
        assertSplit(Dataset.Usage.VALIDATION, 0, TRAIN - VALIDATION, VALIDATION, order);
        assertSplit(Dataset.Usage.TEST, 1, 0, TEST, order);
    }

    private void assertSplit(Dataset.Usage usage, int split, int first, int count, int[] order) throws Exception {
        PermutedMnist dataset = builder(usage).build();
        dataset.prepare();
        assertEquals(count, dataset.size());
        NDArray data = dataset.get(manager, 0).getData().singletonOrThrow();
        assertEquals(new Shape(784, 1), data.getShape());
        float[] firstRecord = data.toFloatArray();
        float[] lastRecord = dataset.get(manager, count - 1).getData().singletonOrThrow().toFloatArray();
        for (int t = 0; t < 784; t++) {
            assertEquals(MnistFixtures.pixel(split, first, order[t]) / 255f, firstRecord[t], 0f, "step " + t);
            assertEquals(MnistFixtures.pixel(split, first + count - 1, order[t]) / 255f, lastRecord[t], 0f, "step " + t);
        }
        for (int i = 0; i < count; i++) {
            float label = dataset.get(manager, i).getLabels().singletonOrThrow().getFloat();
            assertEquals(MnistFixtures.label(split, first + i), label, 0f);
        }
    }

    @Test
    void batchesAreStackedSequences() throws Exception {
        MnistFixtures.writeOfficial(official, TRAIN, TEST, false);
        PermutedMnist dataset = builder(Dataset.Usage.TRAIN).build();

        int records = 0;
        for (Batch batch : dataset.getData(manager)) {
            NDArray data = batch.getData().singletonOrThrow();
            assertEquals(784, data.getShape().get(1));
            assertEquals(1, data.getShape().get(2));
            assertEquals(data.getShape().get(0), batch.getLabels().singletonOrThrow().getShape().get(0));
            records += batch.getSize();
            batch.close();
        }
        assertEquals(TRAIN - VALIDATION, records);
    }

    @Test
    void provenanceNamesOfficialDataAndChecksumOfDecompressedFiles() throws Exception {
        MnistFixtures.writeOfficial(official, TRAIN, TEST, true);
        PermutedMnist dataset = builder(Dataset.Usage.TEST).build();
        dataset.prepare();

        DataProvenance provenance = dataset.provenance();

        MessageDigest digest = Checksums.sha256();
        digest.update(MnistFixtures.images(0, TRAIN));
        digest.update(MnistFixtures.labels(0, TRAIN));
        digest.update(MnistFixtures.images(1, TEST));
        digest.update(MnistFixtures.labels(1, TEST));
        assertEquals(HexFormat.of().formatHex(digest.digest()), provenance.checksum());
        assertEquals("psmnist", provenance.task());
        assertEquals(DataKind.OFFICIAL, provenance.kind());
        assertTrue(provenance.sourceName().contains("seed 5"), provenance.sourceName());
        assertEquals(Map.of("train", 5L, "valid", 2L, "test", 3L), provenance.splitSizes());
    }

    @Test
    void permutationIsSavedBesideTheDataAndExposed() throws Exception {
        MnistFixtures.writeOfficial(official, TRAIN, TEST, false);
        PermutedMnist dataset = builder(Dataset.Usage.TRAIN).build();
        dataset.prepare();

        assertEquals(2, manager.getManagedArrays().size(), "data and labels, the check assertNothingLoaded relies on");
        PixelPermutation saved = PixelPermutation.read(official.resolve("permutation-seed-5.txt"));
        assertEquals(dataset.getPermutation(), saved);
        assertArrayEquals(PixelPermutation.fromSeed(5, 784).order(), saved.order());
    }

    @Test
    void differentSavedPermutationIsRefused() throws Exception {
        MnistFixtures.writeOfficial(official, TRAIN, TEST, false);
        Path file = official.resolve("permutation-seed-5.txt");
        Files.writeString(file, Files.readString(writeSavedPermutation(7)).replace("seed 7", "seed 5"));

        DataFormatException e = assertThrows(DataFormatException.class, () -> builder(Dataset.Usage.TRAIN).build().prepare());

        assertEquals(file, e.getFile());
        assertTrue(e.getMessage().contains("differs from the one seed 5 generates"), e.getMessage());
        assertNothingLoaded();
    }

    private Path writeSavedPermutation(long seed) throws IOException {
        Path file = root.resolve("other.txt");
        PixelPermutation.fromSeed(seed, 784).save(file);
        return file;
    }

    @Test
    void inconsistentCountsNameTheLabelFile() throws Exception {
        MnistFixtures.writeOfficial(official, TRAIN, TEST, false);
        Path labels = official.resolve("t10k-labels-idx1-ubyte");
        Files.write(labels, MnistFixtures.labels(1, TEST - 1));

        DataFormatException e = assertThrows(DataFormatException.class, () -> builder(Dataset.Usage.TRAIN).build().prepare());

        assertEquals(labels, e.getFile());
        assertEquals(labels + ", byte 4: the header declares 2 labels but "
                + official.resolve("t10k-images-idx3-ubyte") + " declares 3 images", e.getMessage());
        assertNothingLoaded();
    }

    @Test
    void labelOutsideTheTenClasses() throws Exception {
        MnistFixtures.writeOfficial(official, TRAIN, TEST, false);
        Path labels = official.resolve("train-labels-idx1-ubyte");
        byte[] bytes = MnistFixtures.labels(0, TRAIN);
        bytes[8 + 4] = 10;
        Files.write(labels, bytes);

        DataFormatException e = assertThrows(DataFormatException.class, () -> builder(Dataset.Usage.TEST).build().prepare());

        assertEquals(labels + ", byte 12: label 10 of record 4 is outside 0..9", e.getMessage());
        assertNothingLoaded();
    }

    @Test
    void imagesMustBe28By28() throws Exception {
        MnistFixtures.writeOfficial(official, TRAIN, TEST, true);
        Path images = official.resolve("t10k-images-idx3-ubyte.gz");
        MnistFixtures.write(images, MnistFixtures.images(1, TEST, 2051, TEST, 20, 20), true);

        DataFormatException e = assertThrows(DataFormatException.class, () -> builder(Dataset.Usage.TEST).build().prepare());

        assertEquals(images + ", decompressed byte 8: images are 20x20, MNIST images are 28x28", e.getMessage());
        assertNothingLoaded();
    }

    @Test
    void truncatedTrainingFileLoadsNothing() throws Exception {
        MnistFixtures.writeOfficial(official, TRAIN, TEST, false);
        Path images = official.resolve("train-images-idx3-ubyte");
        byte[] bytes = MnistFixtures.images(0, TRAIN);
        Files.write(images, java.util.Arrays.copyOf(bytes, bytes.length - 1));

        DataFormatException e = assertThrows(DataFormatException.class, () -> builder(Dataset.Usage.TEST).build().prepare());

        assertEquals(images, e.getFile());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertNothingLoaded();
    }

    @Test
    void validationSplitMustLeaveTrainingRecords() throws Exception {
        MnistFixtures.writeOfficial(official, TRAIN, TEST, false);

        PermutedMnist dataset = builder(Dataset.Usage.TRAIN).optValidationSize(TRAIN).build();
        DataFormatException e = assertThrows(DataFormatException.class, dataset::prepare);

        assertTrue(e.getMessage().endsWith("7 training images leave none for training after a validation split of 7"), e.getMessage());
        assertNothingLoaded();
    }

    @Test
    void missingOfficialDataSaysWhatToPutWhere() throws Exception {
        MnistFixtures.writeOfficial(official, TRAIN, TEST, false);
        Files.delete(official.resolve("t10k-images-idx3-ubyte"));

        for (DataSource source : new DataSource[] {DataSource.OFFICIAL, DataSource.AUTO}) {
            FileNotFoundException e = assertThrows(
                    FileNotFoundException.class, () -> builder(Dataset.Usage.TRAIN).optSource(source).build().prepare());
            assertTrue(e.getMessage().startsWith("Official psMNIST data is incomplete: " + official
                    + " lacks t10k-images-idx3-ubyte (plain or .gz)"), e.getMessage());
        }
        assertNothingLoaded();
    }

    @Test
    void provenanceBeforePrepareIsAnError() {
        PermutedMnist dataset = builder(Dataset.Usage.TRAIN).build();
        assertThrows(IllegalStateException.class, dataset::provenance);
    }

    @Test
    void builderRejectsBadSettings() {
        IllegalArgumentException size = assertThrows(
                IllegalArgumentException.class, () -> builder(Dataset.Usage.TRAIN).optValidationSize(0).build());
        assertEquals("validationSize must be at least 1, was 0", size.getMessage());
        IllegalArgumentException standIn = assertThrows(
                IllegalArgumentException.class, () -> builder(Dataset.Usage.TRAIN).optStandIn("no-such").build());
        assertTrue(standIn.getMessage().startsWith("Unknown stand-in 'no-such'; valid: "), standIn.getMessage());
    }

    @Test
    void permutationSeedsGiveDifferentSequences() throws Exception {
        MnistFixtures.writeOfficial(official, TRAIN, TEST, false);
        PermutedMnist a = builder(Dataset.Usage.TEST).build();
        PermutedMnist b = builder(Dataset.Usage.TEST).optPermutationSeed(6).build();
        a.prepare();
        b.prepare();
        float[] first = a.get(manager, 0).getData().singletonOrThrow().toFloatArray();
        float[] second = b.get(manager, 0).getData().singletonOrThrow().toFloatArray();
        assertFalse(java.util.Arrays.equals(first, second));
        assertEquals(a.provenance().checksum(), b.provenance().checksum());
        assertNotEquals(a.provenance().sourceName(), b.provenance().sourceName());
    }

    private void assertNothingLoaded() {
        assertEquals(0, manager.getManagedArrays().size(), "arrays left in the manager");
    }
}
