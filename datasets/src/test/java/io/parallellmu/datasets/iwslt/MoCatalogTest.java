package io.parallellmu.datasets.iwslt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.datasets.text.TestFiles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoCatalogTest {

    @TempDir Path dir;

    private static final List<String[]> MESSAGES =
            List.of(
                    new String[] {"", "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=1; plural=0;\n"},
                    new String[] {"%d file\u0000%d files", "%d tập tin"},
                    new String[] {"menu\u0004_Open", "_Mở"},
                    new String[] {"Cancel", "Thôi"});

    @ParameterizedTest
    @ValueSource(strings = {"LITTLE_ENDIAN", "BIG_ENDIAN"})
    void readsEitherByteOrderWithPluralsAndContext(String orderName) throws Exception {
        ByteOrder order = orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Path file = TestFiles.write(dir.resolve("vi.mo"), MoWriter.catalog(order, MESSAGES));
        List<MoCatalog.Entry> entries = MoCatalog.read(file);
        assertEquals(3, entries.size(), "the header entry is left out");
        assertEquals(List.of("%d file", "%d files"), entries.get(0).original());
        assertEquals(List.of("%d tập tin"), entries.get(0).translations());
        assertNull(entries.get(0).context());
        assertEquals("menu", entries.get(1).context());
        assertEquals(List.of("_Open"), entries.get(1).original());
        assertEquals(List.of("Cancel"), entries.get(2).original());
        assertEquals(List.of("Thôi"), entries.get(2).translations());
    }

    @Test
    void badMagicNamesByteZero() throws Exception {
        byte[] bytes = MoWriter.catalog(ByteOrder.LITTLE_ENDIAN, MESSAGES);
        bytes[0] = 0x12;
        Path file = TestFiles.write(dir.resolve("bad.mo"), bytes);
        DataFormatException e = assertThrows(DataFormatException.class, () -> MoCatalog.read(file));
        assertEquals(file, e.getFile());
        assertEquals("byte 0", e.getPosition());
        assertTrue(e.getMessage().contains("bad magic number: bytes 12 12 04 95"), e.getMessage());
    }

    @Test
    void tableOffsetOutOfRangeNamesTheHeaderField() throws Exception {
        byte[] bytes = MoWriter.catalog(ByteOrder.LITTLE_ENDIAN, MESSAGES);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(16, bytes.length - 4);
        Path file = TestFiles.write(dir.resolve("table.mo"), bytes);
        DataFormatException e = assertThrows(DataFormatException.class, () -> MoCatalog.read(file));
        assertEquals("byte 16", e.getPosition());
        assertTrue(e.getMessage().contains("translations table at offset " + (bytes.length - 4) + " with 4 entries runs past the end"), e.getMessage());
    }

    @Test
    void stringOffsetOutOfRangeNamesItsDescriptor() throws Exception {
        byte[] bytes = MoWriter.catalog(ByteOrder.BIG_ENDIAN, MESSAGES);
        int descriptor = 28 + 8 * 2; // the third original's (length, offset)
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).putInt(descriptor + 4, bytes.length + 100);
        Path file = TestFiles.write(dir.resolve("string.mo"), bytes);
        DataFormatException e = assertThrows(DataFormatException.class, () -> MoCatalog.read(file));
        assertEquals("byte " + descriptor, e.getPosition());
        assertTrue(e.getMessage().contains("original 2 at offset " + (bytes.length + 100)), e.getMessage());
        assertTrue(e.getMessage().contains("runs past the end of the file (" + bytes.length + " bytes)"), e.getMessage());
    }

    @Test
    void truncatedHeaderAndInvalidUtf8AreErrors() throws Exception {
        Path file = TestFiles.write(dir.resolve("short.mo"), new byte[] {(byte) 0xde, 0x12, 0x04, (byte) 0x95});
        DataFormatException e = assertThrows(DataFormatException.class, () -> MoCatalog.read(file));
        assertTrue(e.getMessage().contains("truncated header"), e.getMessage());

        byte[] bytes = MoWriter.catalog(ByteOrder.LITTLE_ENDIAN, MESSAGES);
        int at = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(28 + 8 * 4 + 8 * 3 + 4); // "Thôi"
        bytes[at + 2] = (byte) 0xFF;
        Path bad = TestFiles.write(dir.resolve("utf8.mo"), bytes);
        e = assertThrows(DataFormatException.class, () -> MoCatalog.read(bad));
        assertTrue(e.getPosition().startsWith("byte " + (at + 2)), e.getPosition());
        assertTrue(e.getMessage().contains("invalid UTF-8"), e.getMessage());
    }
}
