package io.parallellmu.datasets.text8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.datasets.text.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Text8FileTest {

    @TempDir Path dir;

    @Test
    void standardSplitIs90M5M5MAndScalesProportionally() {
        Text8File.Range[] official = Text8File.splits(100_000_000L);
        assertEquals(new Text8File.Range(0, 90_000_000L), official[0]);
        assertEquals(new Text8File.Range(90_000_000L, 95_000_000L), official[1]);
        assertEquals(new Text8File.Range(95_000_000L, 100_000_000L), official[2]);
        Text8File.Range[] small = Text8File.splits(2_423_175L);
        assertEquals(2_180_857L, small[0].length());
        assertEquals(121_159L, small[1].length());
        assertEquals(121_159L, small[2].length());
    }

    @Test
    void readsARangeAsAlphabetIds() throws Exception {
        Path file = TestFiles.write(dir.resolve("text8"), " anarchism originated as a");
        byte[] ids = Text8File.readIds(file, new Text8File.Range(1, 6));
        assertArrayEquals(new byte[] {1, 14, 1, 18, 3}, ids); // a n a r c
        assertEquals(" abcdefghijklmnopqrstuvwxyz", Text8File.ALPHABET);
    }

    @Test
    void anyOtherByteIsAnErrorAtItsOffset() throws Exception {
        Path file = TestFiles.write(dir.resolve("text8"), "abc def\n");
        DataFormatException e =
                assertThrows(DataFormatException.class, () -> Text8File.readIds(file, new Text8File.Range(0, 3)));
        assertEquals(file, e.getFile());
        assertEquals("byte 7", e.getPosition());
        assertTrue(e.getMessage().contains("unexpected byte 0x0A; text8 holds only a-z and space"), e.getMessage());
        TestFiles.write(file, "abc DEF".getBytes(StandardCharsets.US_ASCII));
        e = assertThrows(DataFormatException.class, () -> Text8File.readIds(file, new Text8File.Range(0, 3)));
        assertEquals("byte 4", e.getPosition());
    }

    @Test
    void emptyFileIsAnEmptyDataSet() throws Exception {
        Path file = TestFiles.write(dir.resolve("text8"), "");
        DataFormatException e =
                assertThrows(DataFormatException.class, () -> Text8File.readIds(file, new Text8File.Range(0, 0)));
        assertTrue(e.getMessage().contains("empty data set"), e.getMessage());
    }

    @Test
    void normaliserFollowsText8() {
        Text8Normalizer n = new Text8Normalizer();
        n.append("Hello, World!\n%\n  It's 1984 -- café".getBytes(StandardCharsets.UTF_8));
        n.append("NEXT".getBytes(StandardCharsets.UTF_8));
        assertEquals("hello world it s one nine eight four caf next", new String(n.toBytes(), StandardCharsets.US_ASCII));
    }
}
