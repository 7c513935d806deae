package io.parallellmu.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebianChangelogTest {

    @TempDir Path unpacked;

    private void writeChangelog(String text) throws Exception {
        Path doc = Files.createDirectories(unpacked.resolve("usr/share/doc/pkg"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(doc.resolve("changelog.Debian.gz")))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsTheVersionOfTheFirstEntry() throws Exception {
        writeChangelog("pkg (1:0.0~git20200523.55506a9-1) unstable; urgency=medium\n\n  * Initial.\n\n"
                + "pkg (0.9-1) unstable; urgency=low\n");
        assertEquals("1:0.0~git20200523.55506a9-1", DebianChangelog.version(unpacked, "pkg"));
    }

    @Test
    void malformedFirstLineIsNamed() throws Exception {
        writeChangelog("other (1.0) unstable; urgency=low\n");
        FetchException e = assertThrows(FetchException.class, () -> DebianChangelog.version(unpacked, "pkg"));
        assertEquals(unpacked.resolve("usr/share/doc/pkg/changelog.Debian.gz")
                + ", line 1: expected 'pkg (VERSION) ...', found 'other (1.0) unstable; urgency=low'", e.getMessage());
    }

    @Test
    void missingChangelogIsNamed() {
        FetchException e = assertThrows(FetchException.class, () -> DebianChangelog.version(unpacked, "pkg"));
        assertEquals("The unpacked package pkg has no " + unpacked.resolve("usr/share/doc/pkg/changelog.Debian.gz")
                + " to read its version from", e.getMessage());
    }
}
