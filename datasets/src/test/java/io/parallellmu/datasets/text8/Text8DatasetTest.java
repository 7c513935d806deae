package io.parallellmu.datasets.text8;

import io.parallellmu.vocabulary.DataKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Dataset;
import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.text.ManagedTest;
import io.parallellmu.datasets.text.TestFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Text8DatasetTest extends ManagedTest {

    @TempDir Path root;
    private Text8Dataset load(Dataset.Usage usage, int length) throws Exception {
        Text8Dataset data =
                Text8Dataset.builder()
                        .optDataDir(root)
                        .optSource(DataSource.OFFICIAL)
                        .optUsage(usage)
                        .optManager(manager)
                        .optSequenceLength(length)
                        .setSampling(2, false)
                        .build();
        data.prepare();
        return data;
    }

    @Test
    void windowsAndNextCharacterTargets() throws Exception {
        // 100 characters: train 0..90, valid 90..95, test 95..100.
        String text = "the cat sat on the mat and the dog ate the hat while a bird sang on a big old tree";
        text = text + " ".repeat(100 - text.length() - 5) + "abcde";
        assertEquals(100, text.length());
        TestFiles.write(root.resolve("text8/text8"), text);
        Text8Dataset train = load(Dataset.Usage.TRAIN, 8);
        assertEquals(DataKind.OFFICIAL, train.provenance().kind());
        assertEquals("train-chars=90;valid-chars=5;test-chars=5", train.provenance().splitSizesField());
        assertEquals(11, train.size()); // (90 - 1) / 8
        NDArray x = train.get(manager, 0).getData().singletonOrThrow();
        NDArray y = train.get(manager, 0).getLabels().singletonOrThrow();
        assertEquals(DataType.INT32, x.getDataType());
        assertEquals(new Shape(8), x.getShape());
        assertArrayEquals(new int[] {20, 8, 5, 0, 3, 1, 20, 0}, x.toIntArray()); // "the cat "
        assertArrayEquals(new int[] {8, 5, 0, 3, 1, 20, 0, 19}, y.toIntArray()); // "he cat s"
        assertArrayEquals(new int[] {19, 1, 20, 0, 15, 14, 0, 20}, train.get(manager, 1).getData().singletonOrThrow().toIntArray());

        Text8Dataset test = load(Dataset.Usage.TEST, 4);
        assertEquals(1, test.size());
        assertArrayEquals(new int[] {1, 2, 3, 4}, test.get(manager, 0).getData().singletonOrThrow().toIntArray());
        assertArrayEquals(new int[] {2, 3, 4, 5}, test.get(manager, 0).getLabels().singletonOrThrow().toIntArray());
        assertEquals("a", Text8Dataset.vocabulary().getToken(1));
        assertEquals(27, Text8Dataset.vocabulary().size());
    }

    @Test
    void invalidByteLoadsNothing() throws Exception {
        TestFiles.write(root.resolve("text8/text8"), "valid text then a Capital");
        Text8Dataset data =
                Text8Dataset.builder().optDataDir(root).optSource(DataSource.OFFICIAL).optManager(manager).setSampling(2, false).build();
        DataFormatException e = assertThrows(DataFormatException.class, data::prepare);
        assertEquals("byte 18", e.getPosition());
        assertThrows(IllegalStateException.class, data::provenance);
    }

    @Test
    void tooShortASplitForOneWindowSaysSo() throws Exception {
        TestFiles.write(root.resolve("text8/text8"), "abcdefghijklmnopqrst");
        Exception e = assertThrows(Exception.class, () -> load(Dataset.Usage.VALIDATION, 8));
        assertTrue(e.getMessage().contains("too few for one window of 8"), e.getMessage());
    }
}
