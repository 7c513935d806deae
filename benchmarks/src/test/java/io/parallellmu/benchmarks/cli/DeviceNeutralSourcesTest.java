package io.parallellmu.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A CPU machine cannot run code on a GPU, so it cannot see a helper that puts its arrays on the CPU while
 * the model is elsewhere; this test catches the cause instead: main code of every module names a device only
 * in {@link DeviceOption}, where the command line's {@code --device} is parsed. Everything else takes its
 * device from its input, its manager or its model. (The GPU check, {@code plmu device-check}, additionally
 * asserts that every memory mode returns its states on the input's device.)
 */
class DeviceNeutralSourcesTest {

    private static final Pattern NAMED_DEVICE = Pattern.compile("Device\\s*\\.\\s*(cpu|gpu|of|fromName)\\s*\\(|\\.cuda\\(");

    @Test
    void onlyTheDeviceOptionNamesADevice() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent(); // the benchmarks module's parent: the project
        List<String> offenders = new ArrayList<>();
        int files = 0;
        for (String module : List.of("framework", "datasets", "reports", "benchmarks")) {
            Path sources = root.resolve(module).resolve("src/main/java");
            assertTrue(Files.isDirectory(sources), "missing " + sources);
            try (Stream<Path> walk = Files.walk(sources)) {
                for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                    files++;
                    if (file.getFileName().toString().equals("DeviceOption.java")) {
                        continue;
                    }
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (NAMED_DEVICE.matcher(lines.get(i)).find()) {
                            offenders.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertTrue(files > 50, "scanned only " + files + " files");
        assertEquals(List.of(), offenders, "main code that names a device instead of taking it from its input");
    }
}
