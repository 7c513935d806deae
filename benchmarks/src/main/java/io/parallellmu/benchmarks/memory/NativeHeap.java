package io.parallellmu.benchmarks.memory;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Returns the C allocator's free pages to the OS through the JVM's {@code System.trim_native_heap} diagnostic
 * command (glibc {@code malloc_trim}), so that the resident set counts memory still held, not pages that were
 * freed but kept by the allocator for reuse: the native counterpart of a garbage collection before a reading.
 */
final class NativeHeap {

    private static final String COMMAND = "systemTrimNativeHeap";

    private NativeHeap() {}

    /**
     * Trims the native heap.
     *
     * @return true if the JVM offers the command (HotSpot 17.0.9+ on Linux) and ran it
     */
    static boolean trim() {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), COMMAND,
                    new Object[] {null}, new String[] {String[].class.getName()});
            return true;
        } catch (JMException e) {
            return false;
        }
    }
}
