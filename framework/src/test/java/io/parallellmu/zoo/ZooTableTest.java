package io.parallellmu.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's zoo table and the shipped {@code index.txt} agree: every shipped id has a row whose data kind, metric
 * and size are its artifact's, and a row whose id is not shipped (yet) says {@code TBD} for its metric and size.
 */
class ZooTableTest {

    private static final Path README = Paths.get("../README.md");
    /** A table row: | `id` | task | data kind | input → output | metric | size |. */
    private static final Pattern ROW = Pattern.compile(
            "^\\| `([a-z0-9._-]+)` \\| ([^|]+) \\| ([^|]+) \\| ([^|]+) \\| ([^|]+) \\| ([^|]+) \\|$",
            Pattern.MULTILINE);

    @TempDir Path temp;

    /** The rows between the table's markers, by id: {data kind, metric, size}. */
    private static Map<String, List<String>> tableRows() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int begin = readme.indexOf("<!-- zoo-table:begin -->");
        int end = readme.indexOf("<!-- zoo-table:end -->");
        assertTrue(begin >= 0 && end > begin, "README.md marks its zoo table with zoo-table:begin and :end");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(readme.substring(begin, end));
        while (row.find()) {
            List<String> cells = List.of(row.group(3).strip(), row.group(5).strip(), row.group(6).strip());
            assertNull(rows.put(row.group(1), cells), "one row per id: " + row.group(1));
        }
        return rows;
    }

    /**
     * Returns the ids of the README's zoo table.
     *
     * @return the ids, in table order
     * @throws IOException if the README cannot be read
     */
    static Set<String> tableIds() throws IOException {
        return tableRows().keySet();
    }

    /** How the table writes a metric: the card's name and value, three decimals. */
    static String metricCell(ModelCard card) {
        return String.format(Locale.ROOT, "%s %.3f", card.metricName(), card.metricValue());
    }

    /** How the table writes a size: the artifact's files together, in MB (10^6 bytes), two decimals. */
    static String sizeCell(Path artifact) throws IOException {
        long bytes = 0;
        for (Path file : ArtifactFiles.listFiles(artifact)) {
            bytes += Files.size(file);
        }
        return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
    }

    @Test
    void everyShippedIdHasARowWithItsCardsDataKindMetricAndSize() throws IOException {
        Map<String, List<String>> rows = tableRows();
        Map<String, Path> shipped = ShippedArtifacts.list(temp);
        assertFalse(shipped.isEmpty());
        for (Map.Entry<String, Path> artifact : shipped.entrySet()) {
            String id = artifact.getKey();
            assertTrue(rows.containsKey(id), "index.txt ships " + id + ", which the README's zoo table lacks");
            ModelCard card = ModelArtifact.read(artifact.getValue()).card();
            assertEquals(List.of(card.dataKind(), metricCell(card), sizeCell(artifact.getValue())), rows.get(id),
                    "the README's row of " + id + ": data kind, metric, size");
        }
    }

    @Test
    void everyRowThatIsNotShippedSaysTbd() throws IOException {
        Map<String, Path> shipped = ShippedArtifacts.list(temp);
        for (Map.Entry<String, List<String>> row : tableRows().entrySet()) {
            if (!shipped.containsKey(row.getKey())) {
                assertEquals(List.of("TBD", "TBD"), row.getValue().subList(1, 3), row.getKey()
                        + " is not in index.txt, so its metric and size are not known here");
            }
        }
    }
}
