package io.parallellmu.datasets.snli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.dataset.Dataset;
import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.text.SentencePair;
import io.parallellmu.datasets.text.ManagedTest;
import io.parallellmu.datasets.text.TestFiles;
import io.parallellmu.datasets.text.TextVocabulary;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnliDatasetTest extends ManagedTest {

    @TempDir Path root;
    private static String line(String gold, String premise, String hypothesis) {
        return "{\"annotator_labels\": [\"neutral\"], \"captionID\": \"1\", \"gold_label\": \"" + gold
                + "\", \"pairID\": \"1r1n\", \"sentence1\": \"" + premise + "\", \"sentence1_binary_parse\": \"( A B )\","
                + " \"sentence2\": \"" + hypothesis + "\"}\n";
    }

    private void writeFixture() throws Exception {
        TestFiles.write(
                root.resolve("snli/snli_1.0_train.jsonl"),
                line("neutral", "A person on a horse.", "A person is training.")
                        + line("-", "Two kids.", "Kids play.")
                        + line("contradiction", "A man sleeps.", "A man runs.")
                        + "\n"
                        + line("entailment", "A dog runs.", "An animal runs."));
        TestFiles.write(root.resolve("snli/snli_1.0_dev.jsonl"), line("entailment", "A man runs.", "A person moves."));
        TestFiles.write(
                root.resolve("snli/snli_1.0_test.jsonl"),
                line("-", "x", "y") + line("-", "x", "z") + line("contradiction", "A dog naps.", "A dog runs fast."));
    }

    private SnliDataset.Builder builder(Dataset.Usage usage) {
        return SnliDataset.builder()
                .optDataDir(root)
                .optSource(DataSource.OFFICIAL)
                .optUsage(usage)
                .optManager(manager)
                .optMaxLength(4)
                .setSampling(2, false);
    }

    @Test
    void readsJsonlDroppingAndCountingNoConsensus() throws Exception {
        writeFixture();
        SnliJsonl.Split train = SnliJsonl.read(root.resolve("snli/snli_1.0_train.jsonl"));
        assertEquals(1, train.skipped());
        assertEquals(new SentencePair("A person on a horse.", "A person is training.", 1), train.pairs().get(0));
        assertEquals(new SentencePair("A dog runs.", "An animal runs.", 0), train.pairs().get(2));

        SnliDataset trainSet = builder(Dataset.Usage.TRAIN).build();
        trainSet.prepare();
        assertEquals("train=3;valid=1;test=1", trainSet.provenance().splitSizesField());
        assertEquals(Map.of("train", 1, "valid", 0, "test", 2), trainSet.skipped());
        TextVocabulary vocab = trainSet.vocabulary();
        // a:5, runs:2, man:2, person:2, '.':6 ...; '.' is the most frequent token.
        assertEquals(".", vocab.getToken(4));
        assertEquals("a", vocab.getToken(5));

        SnliDataset test = builder(Dataset.Usage.TEST).optVocabulary(vocab).build();
        test.prepare();
        assertEquals(1, test.size());
        var record = test.get(manager, 0);
        assertArrayEquals(new int[] {vocab.id("a"), vocab.id("dog"), TextVocabulary.UNK_ID, vocab.id(".")}, record.getData().get(0).toIntArray());
        assertArrayEquals(new int[] {vocab.id("a"), vocab.id("dog"), vocab.id("runs"), TextVocabulary.UNK_ID}, record.getData().get(2).toIntArray());
        assertEquals(4, record.getData().get(3).getInt());
        assertEquals(2, record.getLabels().singletonOrThrow().getInt());
    }

    @Test
    void malformedLineNamesTheLineAndLoadsNothing() throws Exception {
        writeFixture();
        TestFiles.write(root.resolve("snli/snli_1.0_dev.jsonl"), line("entailment", "a", "b") + "{\"gold_label\": \"neutral\", \n");
        SnliDataset data = builder(Dataset.Usage.TRAIN).build();
        DataFormatException e = assertThrows(DataFormatException.class, data::prepare);
        assertEquals(root.resolve("snli/snli_1.0_dev.jsonl"), e.getFile());
        assertEquals("line 2", e.getPosition());
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
        assertThrows(IllegalStateException.class, data::provenance);
    }

    @Test
    void missingFieldNamesFieldAndLine() throws Exception {
        writeFixture();
        TestFiles.write(
                root.resolve("snli/snli_1.0_test.jsonl"),
                line("neutral", "a", "b") + line("neutral", "c", "d") + "{\"gold_label\": \"neutral\", \"sentence1\": \"a\"}\n");
        SnliDataset data = builder(Dataset.Usage.TEST).build();
        DataFormatException e = assertThrows(DataFormatException.class, data::prepare);
        assertEquals("line 3", e.getPosition());
        assertTrue(e.getMessage().contains("missing field 'sentence2'"), e.getMessage());
        assertThrows(IllegalStateException.class, data::provenance);
    }

    @Test
    void unknownLabelAndEmptyFileAreErrors() throws Exception {
        Path file = TestFiles.write(root.resolve("x.jsonl"), line("maybe", "a", "b"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> SnliJsonl.read(file));
        assertTrue(e.getMessage().contains("unknown gold_label 'maybe'"), e.getMessage());
        TestFiles.write(file, line("-", "a", "b"));
        e = assertThrows(DataFormatException.class, () -> SnliJsonl.read(file));
        assertTrue(e.getMessage().contains("empty data set: no labelled pairs (1 without consensus dropped)"), e.getMessage());
        TestFiles.write(file, "[1, 2]\n");
        e = assertThrows(DataFormatException.class, () -> SnliJsonl.read(file));
        assertTrue(e.getMessage().contains("expected a JSON object"), e.getMessage());
    }
}
