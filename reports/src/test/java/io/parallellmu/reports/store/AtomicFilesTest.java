package io.parallellmu.reports.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir Path dir;

    @Test
    void writeInterruptedHalfwayLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("results.csv");
        AtomicFiles.writeString(target, "old\n");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("killed");
        }));
        assertTrue(e.getMessage().contains("could not write " + target.toAbsolutePath() + " (killed)")
                && e.getMessage().contains("its previous content is left intact"), e.getMessage());
        assertEquals("old\n", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void createsMissingParentDirectories() throws IOException {
        Path target = dir.resolve("a/b/report.md");
        AtomicFiles.writeString(target, "# report\n");
        assertEquals("# report\n", Files.readString(target));
    }
}
