package io.parallellmu.benchmarks.speed;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Peak memory of this process: native and JVM together as the resident set's high-water mark
 * ({@code VmHWM} in {@code /proc/self/status}), and the JVM heap's peak from its memory pools. Both peaks
 * can be reset, so that each measured configuration gets its own.
 */
public final class PeakMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private PeakMemory() {}

    /**
     * Resets both peaks to the current use. On systems without {@code /proc} only the heap peak is reset.
     */
    public static void reset() {
        try {
            Files.writeString(CLEAR_REFS, "5"); // "5" resets the peak RSS (VmHWM) to the current RSS
        } catch (IOException | UnsupportedOperationException e) {
            // no /proc: peakRssBytes() then reports nothing rather than a stale peak
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /**
     * Returns the peak resident set size since the last reset.
     *
     * @return bytes, or empty where {@code /proc/self/status} cannot be read
     */
    public static OptionalLong peakRssBytes() {
        return statusField("VmHWM:");
    }

    /**
     * Returns the current resident set size.
     *
     * @return bytes, or empty where {@code /proc/self/status} cannot be read
     */
    public static OptionalLong rssBytes() {
        return statusField("VmRSS:");
    }

    /**
     * Returns the heap's peak use since the last reset, summed over the heap pools.
     *
     * @return bytes
     */
    public static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static OptionalLong statusField(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024); // reported in kB
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
