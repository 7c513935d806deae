package io.parallellmu.datasets.text8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading a 100M-character text8 file takes at most twice the file size in heap: a JVM whose heap is capped
 * at that loads the training split, and its peak heap use stays under it.
 */
class Text8HeapTest {

    private static final long SIZE = 100_000_000L;

    @TempDir Path root;

    @Test
    void hundredMillionCharactersLoadWithinTwiceTheFileSizeOfHeap() throws Exception {
        Path file = root.resolve("text8/text8");
        Files.createDirectories(file.getParent());
        byte[] chunk = new byte[1_000_000];
        Random random = new Random(8);
        for (int i = 0; i < chunk.length; i++) {
            int r = random.nextInt(32);
            chunk[i] = (byte) (r >= 26 ? ' ' : 'a' + r);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < SIZE; written += chunk.length) {
                out.write(chunk);
            }
        }
        long maxHeap = 2 * SIZE;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process =
                new ProcessBuilder(
                                List.of(
                                        java,
                                        "-Xmx" + maxHeap / 1024 + "k",
                                        "-Dai.djl.offline=true",
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        Text8HeapProbe.class.getName(),
                                        root.toString()))
                        .redirectErrorStream(true)
                        .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "probe did not finish");
        assertEquals(0, process.exitValue(), output);
        String[] last = output.strip().lines().reduce((a, b) -> b).orElse("").split(" ");
        assertEquals((90_000_000L - 1) / 256, Long.parseLong(last[0]), output);
        long peak = Long.parseLong(last[1]);
        assertTrue(peak <= maxHeap, "peak heap " + peak + " bytes for a " + SIZE + "-byte file");
    }
}
