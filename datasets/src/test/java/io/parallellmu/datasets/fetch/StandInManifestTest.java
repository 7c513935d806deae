package io.parallellmu.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandInManifestTest {

    @TempDir Path dir;

    @Test
    void roundTripsSourceChecksumAndDetails() throws Exception {
        StandInManifest manifest = new StandInManifest("Debian x 1.0-1: y", "ab".repeat(32), Map.of("validation.size", "1000"));
        manifest.write(dir);

        StandInManifest read = StandInManifest.read(dir).orElseThrow();

        assertEquals(manifest, read);
        assertEquals("1000", read.detail("validation.size"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read.detail("other"));
        assertTrue(e.getMessage().startsWith("The stand-in manifest has no 'other'"), e.getMessage());
    }

    @Test
    void directoryWithoutManifestIsNotACompleteConversion() throws Exception {
        assertTrue(StandInManifest.read(dir).isEmpty());
    }
}
