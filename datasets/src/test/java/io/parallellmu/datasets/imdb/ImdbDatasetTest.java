package io.parallellmu.datasets.imdb;

import io.parallellmu.vocabulary.DataKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.text.BucketSampler;
import io.parallellmu.datasets.text.ManagedTest;
import io.parallellmu.datasets.text.TestFiles;
import io.parallellmu.datasets.text.TextVocabulary;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImdbDatasetTest extends ManagedTest {

    @TempDir Path root;
    private void writeFixture() throws Exception {
        Path imdb = root.resolve("imdb/aclImdb");
        // 10 training reviews: valid holds out round(10 * 0.1) = 1 of them.
        for (int i = 0; i < 5; i++) {
            TestFiles.write(imdb.resolve("train/neg/" + i + "_" + (1 + i % 4) + ".txt"), "Bad bad movie " + i + ".");
            TestFiles.write(imdb.resolve("train/pos/" + i + "_" + (7 + i % 4) + ".txt"), "Great<br />movie, great!");
        }
        TestFiles.write(imdb.resolve("test/neg/10_2.txt"), "Awful film.");
        TestFiles.write(imdb.resolve("test/neg/2_3.txt"), "bad");
        TestFiles.write(imdb.resolve("test/pos/7_10.txt"), "Great, great, GREAT movie and a wonderful zebra");
        TestFiles.write(imdb.resolve("train/unsup/0_0.txt"), "not read");
    }

    private ImdbDataset.Builder builder(Dataset.Usage usage) {
        return ImdbDataset.builder()
                .optDataDir(root)
                .optSource(DataSource.OFFICIAL)
                .optUsage(usage)
                .optManager(manager)
                .optMaxLength(6)
                .setSampling(2, false);
    }

    @Test
    void readsOfficialLayoutWithFolderLabelsAndTrainOnlyVocabulary() throws Exception {
        writeFixture();
        ImdbDataset train = builder(Dataset.Usage.TRAIN).build();
        train.prepare();
        assertEquals(9, train.size());
        assertEquals(DataKind.OFFICIAL, train.provenance().kind());
        assertEquals("train=9;valid=1;test=3", train.provenance().splitSizesField());
        assertEquals(64, train.provenance().checksum().length());

        // Counts over the 9 kept training reviews decide the ids after the four specials.
        TextVocabulary vocab = train.vocabulary();
        assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>"), vocab.tokens().subList(0, 4));
        assertTrue(vocab.id("great") >= 4 && vocab.id("bad") >= 4 && vocab.id("movie") >= 4);
        assertEquals(TextVocabulary.UNK_ID, vocab.id("zebra"), "test words must not enter the vocabulary");
        assertEquals(TextVocabulary.UNK_ID, vocab.id("br"), "<br /> is a line break, not words");

        ImdbDataset test = builder(Dataset.Usage.TEST).optVocabulary(vocab).build();
        test.prepare();
        try (Batch batch = test.getData(manager).iterator().next()) {
            NDArray ids = batch.getData().get(0);
            assertEquals(new Shape(2, 6), ids.getShape());
            // Test split order: neg by numeric id (2 before 10), then pos.
            int[] first = ids.get(0).toIntArray();
            assertArrayEquals(new int[] {vocab.id("bad"), 0, 0, 0, 0, 0}, first);
            assertArrayEquals(new int[] {vocab.id("awful"), TextVocabulary.UNK_ID, vocab.id("."), 0, 0, 0}, ids.get(1).toIntArray());
            assertArrayEquals(new int[] {1, 3}, batch.getData().get(1).toIntArray());
            assertArrayEquals(new int[] {0, 0}, batch.getLabels().get(0).toIntArray());
        }
        NDArray last = test.get(manager, 2).getData().get(0);
        assertArrayEquals(
                new int[] {vocab.id("great"), vocab.id(","), vocab.id("great"), vocab.id(","), vocab.id("great"), vocab.id("movie")},
                last.toIntArray(),
                "the last review is cut to the first 6 tokens");
        assertEquals(6, test.lengths()[2]);
        assertEquals(1, test.get(manager, 2).getLabels().get(0).getInt());

        // Length bucketing at iteration time: without shuffling, batches come in length order.
        List<Integer> seen = new ArrayList<>();
        for (Batch batch : test.getData(manager, new BucketSampler(test.lengths(), 2, false, 0))) {
            try (batch) {
                for (int length : batch.getData().get(1).toIntArray()) {
                    seen.add(length);
                }
            }
        }
        assertEquals(List.of(1, 3, 6), seen);
    }

    @Test
    void validationIsHeldOutOfTrainWithAFixedSeed() throws Exception {
        writeFixture();
        ImdbDataset valid = builder(Dataset.Usage.VALIDATION).build();
        valid.prepare();
        ImdbDataset again = builder(Dataset.Usage.VALIDATION).build();
        again.prepare();
        assertEquals(1, valid.size());
        assertArrayEquals(
                valid.get(manager, 0).getData().get(0).toIntArray(), again.get(manager, 0).getData().get(0).toIntArray());
    }

    @Test
    void invalidUtf8ReviewNamesFileAndByteAndLoadsNothing() throws Exception {
        writeFixture();
        Path bad = TestFiles.write(root.resolve("imdb/aclImdb/train/pos/3_8.txt"), new byte[] {'o', 'k', ' ', (byte) 0xE2, 0x28, (byte) 0xA1});
        ImdbDataset train = builder(Dataset.Usage.TRAIN).build();
        DataFormatException e = assertThrows(DataFormatException.class, train::prepare);
        assertEquals(bad, e.getFile());
        assertEquals("byte 3 (line 1)", e.getPosition());
        assertTrue(e.getMessage().contains("invalid UTF-8"), e.getMessage());
        assertThrows(IllegalStateException.class, train::provenance, "nothing may be loaded");
    }

    @Test
    void emptyDataSetIsAnError() throws Exception {
        for (String dir : List.of("train/neg", "train/pos", "test/neg", "test/pos")) {
            Files.createDirectories(root.resolve("imdb/aclImdb").resolve(dir));
        }
        ImdbDataset train = builder(Dataset.Usage.TRAIN).build();
        DataFormatException e = assertThrows(DataFormatException.class, train::prepare);
        assertTrue(e.getMessage().contains("empty data set"), e.getMessage());
        assertTrue(e.getMessage().contains("aclImdb/train"), e.getMessage());
        assertThrows(IllegalStateException.class, train::provenance);
    }

    @Test
    void ratingThatContradictsTheFolderIsAnError() throws Exception {
        writeFixture();
        Path bad = TestFiles.write(root.resolve("imdb/aclImdb/test/pos/9_3.txt"), "fine");
        DataFormatException e = assertThrows(DataFormatException.class, builder(Dataset.Usage.TEST).build()::prepare);
        assertEquals(bad, e.getFile());
        assertTrue(e.getMessage().contains("rating 3 does not fit the folder"), e.getMessage());
    }

    @Test
    void anIdTooLongForANumberIsAnErrorNamingTheFile() throws Exception {
        writeFixture();
        Path bad = TestFiles.write(root.resolve("imdb/aclImdb/test/pos/99999999999999999999_9.txt"), "fine");
        DataFormatException e = assertThrows(DataFormatException.class, builder(Dataset.Usage.TEST).build()::prepare);
        assertEquals(bad, e.getFile());
        assertTrue(e.getMessage().contains("at most 9 digits"), e.getMessage());
    }

    @Test
    void officialOnlyFailsWithInstructionsWhenAbsent() {
        FileNotFoundException e = assertThrows(FileNotFoundException.class, builder(Dataset.Usage.TRAIN).build()::prepare);
        assertTrue(e.getMessage().contains(root.resolve("imdb/aclImdb/train/neg").toString()), e.getMessage());
    }

    @Test
    void buildRejectsBadSettingsNamingThem() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> builder(Dataset.Usage.TRAIN).optMaxLength(0).build());
        assertTrue(e.getMessage().contains("maxLength"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ImdbDataset.builder().build());
        assertTrue(e.getMessage().contains("setSampling"), e.getMessage());
    }
}
