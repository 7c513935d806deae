package io.parallellmu.datasets.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.datasets.DataFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextVocabularyTest {

    @TempDir Path dir;

    private static TextVocabulary sample(int maxSize) {
        return TextVocabulary.builder()
                .optMaxSize(maxSize)
                .add(List.of("b", "a", "c", "a", "b", "d"))
                .add(List.of("a", "e"))
                .build();
    }

    @Test
    void specialsComeFirstThenFrequencyThenTokenOrder() {
        TextVocabulary v = sample(100);
        // a:3, b:2, then c, d, e once each in String order
        assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>", "a", "b", "c", "d", "e"), v.tokens());
        assertEquals(0, v.id("<pad>"));
        assertEquals(4, v.id("a"));
        assertEquals(8, v.id("e"));
        assertEquals(TextVocabulary.UNK_ID, v.id("zebra"));
        assertEquals(9, v.size());
    }

    @Test
    void sizeLimitKeepsTheMostFrequent() {
        TextVocabulary v = sample(6);
        assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>", "a", "b"), v.tokens());
        assertArrayEquals(new int[] {5, 4, 1, 1}, v.encode(List.of("b", "a", "c", "q")));
    }

    @Test
    void minFrequencyDropsRareTokens() {
        TextVocabulary v = TextVocabulary.builder().optMinFrequency(2).add(List.of("x", "y", "x")).build();
        assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>", "x"), v.tokens());
    }

    @Test
    void decodeDropsPaddingAndStopsAtEos() {
        TextVocabulary v = sample(100);
        assertEquals(List.of("a", "b"), v.decode(new int[] {2, 4, 5, 3, 6, 0}));
    }

    @Test
    void fixedVocabularyRejectsUnknownTokens() {
        TextVocabulary v = TextVocabulary.fixed(List.of(" ", "a"));
        assertEquals(1, v.id("a"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.id("b"));
        assertTrue(e.getMessage().contains("'b'"));
    }

    @Test
    void tooSmallLimitIsRejectedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sample(3));
        assertTrue(e.getMessage().contains("maxSize must be at least 4"), e.getMessage());
    }

    @Test
    void savesAndLoadsTokensWithAwkwardCharacters() throws Exception {
        TextVocabulary v =
                TextVocabulary.builder().add(List.of("back\\slash", "new\nline", " ", "việt", "cr\rx", "\\n")).build();
        Path file = dir.resolve("vocab.txt");
        v.save(file);
        TextVocabulary loaded = TextVocabulary.load(file);
        assertEquals(v, loaded);
        assertEquals(v.id("new\nline"), loaded.id("new\nline"));
        TextVocabulary fixed = TextVocabulary.fixed(List.of(" ", "a", "b"));
        fixed.save(file);
        assertEquals(fixed, TextVocabulary.load(file));
    }

    @Test
    void loadingSomethingElseNamesTheLine() throws Exception {
        Path file = dir.resolve("not-vocab.txt");
        Files.writeString(file, "#parallel-lmu vocabulary v1 specials=true\n<pad>\n<unk>\n<bos>\nbad\n", StandardCharsets.UTF_8);
        DataFormatException e = assertThrows(DataFormatException.class, () -> TextVocabulary.load(file));
        assertEquals("line 5", e.getPosition());
        assertTrue(e.getMessage().contains("expected special token <eos>"), e.getMessage());

        Files.writeString(file, "#parallel-lmu vocabulary v1 specials=false\nok\nbad\\q\n", StandardCharsets.UTF_8);
        e = assertThrows(DataFormatException.class, () -> TextVocabulary.load(file));
        assertEquals("line 3", e.getPosition());
        assertTrue(e.getMessage().contains("bad escape at column 4"), e.getMessage());

        Files.writeString(file, "hello\n", StandardCharsets.UTF_8);
        e = assertThrows(DataFormatException.class, () -> TextVocabulary.load(file));
        assertEquals("line 1", e.getPosition());
    }
}
