package io.parallellmu.reports.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.reports.schema.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceJsonTest {

    @TempDir Path dir;

    @Test
    void roundTrips() throws IOException {
        Provenance provenance = new Provenance("mvn -q exec:java -Dexec.args=\"suite\"",
                "Linux, 2 cores", "Run `mvn -q exec:java`.", 1234.5);
        Path file = new RunDirectory(dir).provenance();
        ProvenanceJson.write(file, provenance);
        assertEquals(provenance, ProvenanceJson.read(file));
    }

    @Test
    void missingFieldNamesTheFile() throws IOException {
        Path file = dir.resolve("provenance.json");
        Files.writeString(file, "{\"commandLine\": \"x\", \"machine\": \"m\"}");
        IOException e = assertThrows(IOException.class, () -> ProvenanceJson.read(file));
        assertTrue(e.getMessage().startsWith(file + ": invalid provenance: "), e.getMessage());
        assertTrue(e.getMessage().contains("reproduce"), e.getMessage());
    }

    @Test
    void invalidJsonNamesTheFile() throws IOException {
        Path file = dir.resolve("provenance.json");
        Files.writeString(file, "{\"commandLine\": ");
        IOException e = assertThrows(IOException.class, () -> ProvenanceJson.read(file));
        assertTrue(e.getMessage().startsWith(file + ": invalid provenance: "), e.getMessage());
    }
}
