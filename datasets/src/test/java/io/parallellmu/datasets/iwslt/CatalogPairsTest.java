package io.parallellmu.datasets.iwslt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogPairsTest {

    private static List<CatalogPairs.Pair> pairs(List<String> original, List<String> translations) {
        return CatalogPairs.of(new MoCatalog.Entry(null, original, translations));
    }

    @Test
    void stripsFormatMarkersAndMnemonics() {
        assertEquals("cannot open : No such file", CatalogPairs.clean("cannot open %s: %2$-10lu No such file"));
        assertEquals("100% done in", CatalogPairs.clean("100%% done in %(secs)s"));
        assertEquals("Open the file", CatalogPairs.clean("_Open the {0} file"));
        assertEquals("file_name is 50% of it", CatalogPairs.clean("file_name is 50% of it"));
        assertEquals("size bytes", CatalogPairs.clean("size %<PRIu64> bytes"));
    }

    @Test
    void pairsPluralsAndSplitsMatchingLines() {
        assertEquals(
                List.of(new CatalogPairs.Pair("file", "tập tin"), new CatalogPairs.Pair("files", "tập tin")),
                pairs(List.of("%d file", "%d files"), List.of("%d tập tin")));
        assertEquals(
                List.of(new CatalogPairs.Pair("-a, --all show all", "-a, --all hiện tất cả"), new CatalogPairs.Pair("-q quiet", "-q im lặng")),
                pairs(List.of("  -a, --all   show all\n  -q   quiet\n"), List.of("  -a, --all   hiện tất cả\n  -q   im lặng\n")));
        assertEquals(
                List.of(new CatalogPairs.Pair("one two", "một")),
                pairs(List.of("one\ntwo"), List.of("một")));
    }

    @Test
    void dropsEmptyIdenticalAndLetterlessPairs() {
        assertEquals(List.of(), pairs(List.of("%s: %s"), List.of("%s: %s")));
        assertEquals(List.of(), pairs(List.of("GTK+"), List.of("GTK+")));
        assertEquals(List.of(), pairs(List.of("Cancel"), List.of("")));
        assertEquals(List.of(), pairs(List.of("%d: %s"), List.of("%d – %s")));
    }
}
