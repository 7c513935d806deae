package io.parallellmu.benchmarks.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.nn.MemoryMode;
import io.parallellmu.nn.ModeEquivalence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The GPU check, run on the CPU: one passing row per case and path, in both files. */
class DeviceCheckCommandTest {

    @Test
    void everyPathOfEveryCaseIsCheckedAndWritten(@TempDir Path out) throws Exception {
        int status = new CommandLine(new DeviceCheckCommand())
                .execute("--device", "cpu", "--types", "float64", "--skip-psmnist-shape", "--out", out.toString());
        assertEquals(0, status);

        List<String> csv = Files.readAllLines(out.resolve("device-check.csv"));
        int paths = 4 + MemoryMode.values().length + 1; // sequences, final states, streaming
        assertEquals(1 + ModeEquivalence.grid().size() * paths, csv.size());
        for (String row : csv.subList(1, csv.size())) {
            assertTrue(row.startsWith("cpu(),float64,") && row.endsWith(",true"), row);
        }
        String markdown = Files.readString(out.resolve("device-check.md"));
        assertTrue(markdown.contains("| float64 | order 32, theta 100.0, L 257, memoryD 2, ZOH | FFT sequence |"), markdown);
    }

    @Test
    void unknownDataTypesAreRejected(@TempDir Path out) {
        int status = new CommandLine(new DeviceCheckCommand())
                .execute("--device", "cpu", "--types", "int8", "--skip-psmnist-shape", "--out", out.toString());
        assertEquals(1, status);
    }
}
