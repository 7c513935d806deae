package io.parallellmu.datasets.qqp;

import io.parallellmu.vocabulary.DataKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.training.dataset.Dataset;
import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.text.SentencePair;
import io.parallellmu.datasets.text.ManagedTest;
import io.parallellmu.datasets.text.TestFiles;
import io.parallellmu.datasets.text.TextVocabulary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QqpDatasetTest extends ManagedTest {

    private static final String HEADER = "id\tqid1\tqid2\tquestion1\tquestion2\tis_duplicate\n";

    @TempDir Path root;
    private QqpDataset.Builder builder(Dataset.Usage usage) {
        return QqpDataset.builder()
                .optDataDir(root)
                .optSource(DataSource.OFFICIAL)
                .optUsage(usage)
                .optManager(manager)
                .optMaxLength(5)
                .setSampling(4, false);
    }

    @Test
    void readsGlueTsvExactly() throws Exception {
        StringBuilder train = new StringBuilder(HEADER);
        for (int i = 0; i < 10; i++) {
            train.append(i).append('\t').append(2 * i).append('\t').append(2 * i + 1)
                    .append("\tHow do I learn Java?\tWhat is the best way to learn \"Java\"?\t").append(i % 2).append('\n');
        }
        TestFiles.write(root.resolve("qqp/train.tsv"), train.toString());
        Path dev =
                TestFiles.write(
                        root.resolve("qqp/dev.tsv"),
                        HEADER + "7\t1\t2\tIs it raining?\tIs it raining today?\t1\n8\t3\t4\tWhy?\tHow?\t0\n");
        List<SentencePair> pairs = GlueQqp.read(dev);
        assertEquals(List.of(new SentencePair("Is it raining?", "Is it raining today?", 1), new SentencePair("Why?", "How?", 0)), pairs);

        QqpDataset trainSet = builder(Dataset.Usage.TRAIN).build();
        trainSet.prepare();
        assertEquals("train=9;valid=1;test=2", trainSet.provenance().splitSizesField());
        assertEquals(DataKind.OFFICIAL, trainSet.provenance().kind());
        TextVocabulary vocab = trainSet.vocabulary();
        QqpDataset test = builder(Dataset.Usage.TEST).optVocabulary(vocab).build();
        test.prepare();
        NDList first = test.get(manager, 0).getData();
        assertEquals(4, first.size());
        assertArrayEquals(new int[] {vocab.id("is"), vocab.id("it"), 1, vocab.id("?"), 0}, first.get(0).toIntArray());
        assertEquals(4, first.get(1).getInt());
        assertArrayEquals(new int[] {vocab.id("is"), vocab.id("it"), 1, 1, vocab.id("?")}, first.get(2).toIntArray());
        assertEquals(5, first.get(3).getInt());
        assertEquals(1, test.get(manager, 0).getLabels().singletonOrThrow().getInt());
        assertEquals(0, test.get(manager, 1).getLabels().singletonOrThrow().getInt());
        assertArrayEquals(new int[] {5, 2}, test.lengths(), "the longer sentence of each pair");
    }

    @Test
    void wrongColumnCountNamesTheLineAndLoadsNothing() throws Exception {
        TestFiles.write(root.resolve("qqp/train.tsv"), HEADER + "1\t1\t2\ta?\tb?\t0\n2\t3\t4\tc?\t1\n");
        TestFiles.write(root.resolve("qqp/dev.tsv"), HEADER + "1\t1\t2\ta?\tb?\t0\n");
        QqpDataset data = builder(Dataset.Usage.TRAIN).build();
        DataFormatException e = assertThrows(DataFormatException.class, data::prepare);
        assertEquals(root.resolve("qqp/train.tsv"), e.getFile());
        assertEquals("line 3", e.getPosition());
        assertTrue(e.getMessage().contains("expected 6 tab-separated columns"), e.getMessage());
        assertTrue(e.getMessage().contains("but found 5"), e.getMessage());
        assertThrows(IllegalStateException.class, data::provenance);
    }

    @Test
    void badLabelAndBadHeaderAndEmptyFileAreErrors() throws Exception {
        Path file = TestFiles.write(root.resolve("t.tsv"), HEADER + "1\t1\t2\ta?\tb?\tyes\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> GlueQqp.read(file));
        assertEquals("line 2", e.getPosition());
        assertTrue(e.getMessage().contains("is_duplicate must be 0 or 1, got 'yes'"), e.getMessage());

        TestFiles.write(file, "a\tb\tc\td\te\tf\n");
        e = assertThrows(DataFormatException.class, () -> GlueQqp.read(file));
        assertEquals("line 1", e.getPosition());

        TestFiles.write(file, HEADER);
        e = assertThrows(DataFormatException.class, () -> GlueQqp.read(file));
        assertTrue(e.getMessage().contains("empty data set"), e.getMessage());
    }
}
