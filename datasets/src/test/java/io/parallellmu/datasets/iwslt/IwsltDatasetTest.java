package io.parallellmu.datasets.iwslt;

import io.parallellmu.text.HtmlEntities;
import io.parallellmu.vocabulary.DataKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.Record;
import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.text.ManagedTest;
import io.parallellmu.datasets.text.TestFiles;
import io.parallellmu.datasets.text.TextVocabulary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class IwsltDatasetTest extends ManagedTest {

    @TempDir Path root;
    private void writeFixture() throws Exception {
        Path dir = root.resolve("iwslt15-en-vi");
        TestFiles.write(dir.resolve("train.en"), "I &apos;m here .\nThank you .\n");
        TestFiles.write(dir.resolve("train.vi"), "Tôi ở đây .\nCảm ơn .\n");
        TestFiles.write(dir.resolve("tst2012.en"), "Thank you .\n");
        TestFiles.write(dir.resolve("tst2012.vi"), "Cảm ơn .\n");
        TestFiles.write(dir.resolve("tst2013.en"), "He said &quot; hi &quot; .\n\n");
        TestFiles.write(dir.resolve("tst2013.vi"), "Anh ấy nói &quot; chào &quot; .\n\n");
        TestFiles.write(dir.resolve("vocab.en"), "<unk>\n<s>\n</s>\n.\nI\n&apos;m\nhere\nThank\nyou\n&quot;\n");
        TestFiles.write(dir.resolve("vocab.vi"), "<unk>\n<s>\n</s>\n.\nTôi\nở\nđây\nCảm\nơn\n&quot;\nnói\n");
    }

    private IwsltDataset.Builder builder(Dataset.Usage usage) {
        return IwsltDataset.builder()
                .optDataDir(root)
                .optSource(DataSource.OFFICIAL)
                .optUsage(usage)
                .optManager(manager)
                .optMaxSourceLength(4)
                .optMaxTargetLength(5)
                .setSampling(2, false);
    }

    @Test
    void readsOfficialLayoutWithFramedTargets() throws Exception {
        writeFixture();
        IwsltDataset train = builder(Dataset.Usage.TRAIN).build();
        train.prepare();
        assertEquals(DataKind.OFFICIAL, train.provenance().kind());
        assertEquals("train=2;valid=1;test=2", train.provenance().splitSizesField());
        TextVocabulary en = train.sourceVocabulary();
        TextVocabulary vi = train.targetVocabulary();
        assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>", ".", "I", "&apos;m", "here"), en.tokens().subList(0, 8));
        assertEquals(11, en.size());
        assertEquals(12, vi.size());

        Record first = train.get(manager, 0);
        NDList data = first.getData();
        assertArrayEquals(new int[] {5, 6, 7, 4}, data.get(0).toIntArray());
        assertEquals(4, data.get(1).getInt());
        assertArrayEquals(new int[] {TextVocabulary.BOS_ID, 5, 6, 7, 4}, data.get(2).toIntArray());
        assertEquals(5, data.get(3).getInt());
        assertArrayEquals(new int[] {5, 6, 7, 4, TextVocabulary.EOS_ID}, first.getLabels().get(0).toIntArray());
        assertArrayEquals(
                new int[] {TextVocabulary.BOS_ID, 8, 9, 4, 0}, train.get(manager, 1).getData().get(2).toIntArray());
        assertArrayEquals(new int[] {8, 9, 4, TextVocabulary.EOS_ID, 0}, train.get(manager, 1).getLabels().get(0).toIntArray());
    }

    @Test
    void sourceLengthZeroCutsNoSourceAndPadsToTheLongest() throws Exception {
        writeFixture();
        IwsltDataset test = builder(Dataset.Usage.TEST).optMaxSourceLength(0).build();
        test.prepare();
        NDList first = test.get(manager, 0).getData(); // "He said &quot; hi &quot; ." is 6 tokens, 2 more than 4
        assertEquals(6, first.get(0).size(), "padded to the longest source, 6 tokens");
        assertEquals(6, first.get(1).getInt(), "the whole sentence is kept");
        assertEquals(0, test.get(manager, 1).getData().get(1).getInt(), "the empty sentence stays empty");
        assertThrows(IllegalArgumentException.class, () -> builder(Dataset.Usage.TEST).optMaxSourceLength(-1).build());
    }

    @Test
    void decodesEntitiesForOutputOnly() throws Exception {
        writeFixture();
        IwsltDataset test = builder(Dataset.Usage.TEST).optTargetVocabularySize(8).build();
        test.prepare();
        assertEquals(2, test.size());
        assertEquals(List.of("Anh", "ấy", "nói", "\"", "chào", "\"", "."), test.references().get(0));
        assertEquals(List.of(), test.references().get(1), "an empty line is an empty sentence");
        int[] out = test.get(manager, 0).getLabels().get(0).toIntArray();
        assertArrayEquals(new int[] {1, 1, 1, 1, 1}, out, "the limited vocabulary maps rarer words to <unk>");
        int[] ids = {TextVocabulary.BOS_ID, test.targetVocabulary().id("Tôi"), 4, TextVocabulary.EOS_ID, 0};
        assertEquals("Tôi .", test.detokenize(ids));
        IwsltDataset full = builder(Dataset.Usage.TEST).build();
        full.prepare();
        int quote = full.targetVocabulary().id("&quot;");
        assertEquals("nói \" .", full.detokenize(new int[] {full.targetVocabulary().id("nói"), quote, 4}));
    }

    @Test
    void lineCountMismatchNamesBothFilesAndLoadsNothing() throws Exception {
        writeFixture();
        TestFiles.write(root.resolve("iwslt15-en-vi/tst2012.vi"), "Cảm ơn .\nThừa .\n");
        IwsltDataset data = builder(Dataset.Usage.TRAIN).build();
        DataFormatException e = assertThrows(DataFormatException.class, data::prepare);
        assertEquals(root.resolve("iwslt15-en-vi/tst2012.en"), e.getFile());
        assertEquals("line 2", e.getPosition());
        assertTrue(e.getMessage().contains("tst2012.en has 1 lines but tst2012.vi has 2"), e.getMessage());
        assertThrows(IllegalStateException.class, data::provenance);
    }

    @Test
    void emptyTrainingSplitIsAnError() throws Exception {
        writeFixture();
        TestFiles.write(root.resolve("iwslt15-en-vi/train.en"), "");
        TestFiles.write(root.resolve("iwslt15-en-vi/train.vi"), "");
        DataFormatException e = assertThrows(DataFormatException.class, builder(Dataset.Usage.TEST).build()::prepare);
        assertTrue(e.getMessage().contains("empty data set"), e.getMessage());
    }

    @Test
    void htmlEntitiesRoundTrip() {
        assertEquals("&amp;&lt;b&gt; it&apos;s &quot;x&quot; &#124; &#91;1&#93;", HtmlEntities.encode("&<b> it's \"x\" | [1]"));
        assertEquals("&<b> it's \"x\" | [1]", HtmlEntities.decode(HtmlEntities.encode("&<b> it's \"x\" | [1]")));
        assertEquals("A&B &nbsp; &#xZZ;", HtmlEntities.decode("A&amp;B &nbsp; &#xZZ;"));
    }

    @ParameterizedTest(name = "vocab.vi: {0}")
    @CsvSource(delimiter = '|', value = {
        "empty|''|empty vocabulary",
        "no </s>|<unk>\\n<s>\\n.\\n|lacks </s>",
        "no specials|.\\nTôi\\n|lacks <unk> <s> </s>"
    })
    void aVocabularyWithoutItsSpecialTokensIsAnError(String name, String text, String words) throws Exception {
        writeFixture();
        Path vocab = TestFiles.write(root.resolve("iwslt15-en-vi/vocab.vi"), text.replace("\\n", "\n"));
        DataFormatException e = assertThrows(DataFormatException.class, builder(Dataset.Usage.TRAIN).build()::prepare);
        assertEquals(vocab, e.getFile());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}
