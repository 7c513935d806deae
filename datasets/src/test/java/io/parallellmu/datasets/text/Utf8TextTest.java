package io.parallellmu.datasets.text;

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

class Utf8TextTest {

    @TempDir Path dir;

    @Test
    void readsLinesWithAnyLineEnding() throws Exception {
        Path file = dir.resolve("a.txt");
        Files.write(file, "xin chào\r\nthế giới\nlast".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("xin chào", "thế giới", "last"), Utf8Text.readLines(file));
    }

    @Test
    void finalLineBreakDoesNotAddAnEmptyLine() throws Exception {
        Path file = dir.resolve("b.txt");
        Files.write(file, "one\n\nthree\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("one", "", "three"), Utf8Text.readLines(file));
    }

    @Test
    void invalidUtf8NamesFileByteAndLine() throws Exception {
        Path file = dir.resolve("bad.txt");
        byte[] bytes = {'o', 'k', '\n', 'a', 'b', (byte) 0xC3, '(', '\n'};
        Files.write(file, bytes);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Utf8Text.readLines(file));
        assertEquals(file, e.getFile());
        assertEquals("byte 5 (line 2)", e.getPosition());
        assertTrue(e.getMessage().contains("invalid UTF-8: malformed sequence 0xC3"), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void sliceOffsetsCountFromTheStartOfTheBuffer() {
        byte[] bytes = {'a', 'b', 'c', (byte) 0xFF, 'd'};
        DataFormatException e =
                assertThrows(DataFormatException.class, () -> Utf8Text.decode(bytes, 2, 3, Path.of("x.mo")));
        assertEquals("byte 3 (line 1)", e.getPosition());
    }
}
