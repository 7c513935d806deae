package io.parallellmu.datasets.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.datasets.DataFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON Lines are strict JSON: each lenient form Gson would accept is an error naming line 2. */
class JsonLinesTest {

    private static final String GOOD = "{\"gold_label\": \"neutral\", \"n\": 3}";

    @TempDir Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unquoted key|{gold_label: \"neutral\"}|malformed JSON",
        "single quotes|{'gold_label': 'neutral'}|malformed JSON",
        "duplicate key|{\"a\": \"x\", \"a\": \"y\"}|duplicate key 'a'",
        "two values on a line|{\"a\": \"x\"} {\"b\": 1}|malformed JSON",
        "a comment|{\"a\": \"x\"} // note|malformed JSON",
        "unquoted string|{\"a\": neutral}|malformed JSON"
    })
    void lenientJsonIsAnErrorNamingTheLine(String name, String line, String words) throws IOException {
        Path file = Files.writeString(dir.resolve("data.jsonl"), GOOD + "\n" + line + "\n", StandardCharsets.UTF_8);
        DataFormatException e = assertThrows(DataFormatException.class, () -> JsonLines.read(file));
        assertEquals(file, e.getFile());
        assertEquals("line 2", e.getPosition());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void strictJsonReads() throws IOException {
        Path file = Files.writeString(dir.resolve("data.jsonl"), GOOD + "\n\n{\"b\": [1, true, null]}\n");
        List<JsonLines.Line> lines = JsonLines.read(file);
        assertEquals(2, lines.size());
        assertEquals("neutral", lines.get(0).string("gold_label"));
        assertEquals(3, lines.get(0).integer("n"));
        assertEquals(3, lines.get(1).number());
    }
}
