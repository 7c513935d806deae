package io.parallellmu.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoModeDecisionsTest {

    @TempDir Path dir;
    private String saved;
    private NDManager manager;

    @BeforeEach
    void useTemporaryFile() {
        saved = System.getProperty(AutoModeDecisions.PROPERTY);
        System.setProperty(AutoModeDecisions.PROPERTY, dir.resolve("auto-modes.txt").toString());
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void restore() {
        manager.close();
        if (saved == null) {
            System.clearProperty(AutoModeDecisions.PROPERTY);
        } else {
            System.setProperty(AutoModeDecisions.PROPERTY, saved);
        }
    }

    /** A computation whose {@code slow} mode sleeps, counting its calls. */
    private static AutoModeChooser.Computation slowIn(MemoryMode slow, AtomicInteger calls) {
        return (u, mode) -> {
            calls.incrementAndGet();
            if (mode == slow) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return u.add(u);
        };
    }

    @Test
    void laterRunsReuseTheRecordedChoiceWithoutTiming() {
        NDArray u = manager.ones(new Shape(2, 8, 1));
        AtomicInteger firstCalls = new AtomicInteger();
        assertEquals(MemoryMode.FFT, new AutoModeChooser("memory d=4").choose(u, slowIn(MemoryMode.RAW, firstCalls)));
        assertTrue(firstCalls.get() > 0);

        // a new chooser stands for a new process: RAW would now time faster, but the recorded FFT is reused
        AtomicInteger laterCalls = new AtomicInteger();
        assertEquals(MemoryMode.FFT, new AutoModeChooser("memory d=4").choose(u, slowIn(MemoryMode.FFT, laterCalls)));
        assertEquals(0, laterCalls.get());

        // another computation, or another shape, is timed afresh
        AtomicInteger otherCalls = new AtomicInteger();
        assertEquals(MemoryMode.RAW, new AutoModeChooser("memory d=8").choose(u, slowIn(MemoryMode.FFT, otherCalls)));
        assertEquals(MemoryMode.RAW,
                new AutoModeChooser("memory d=4").choose(manager.ones(new Shape(2, 9, 1)), slowIn(MemoryMode.FFT, otherCalls)));
        assertTrue(otherCalls.get() > 0);
    }

    @Test
    void offKeepsChoicesInMemoryOnly() {
        System.setProperty(AutoModeDecisions.PROPERTY, AutoModeDecisions.OFF);
        new AutoModeChooser("memory d=4").choose(manager.ones(new Shape(2, 8, 1)), slowIn(MemoryMode.RAW, new AtomicInteger()));
        assertFalse(Files.exists(dir.resolve("auto-modes.txt")));
    }

    @Test
    void damagedFileIsNamedWithItsLine() throws Exception {
        Path file = dir.resolve("auto-modes.txt");
        Files.writeString(file, "memory d=4 shape=(2, 8, 1) float32 cpu() = FFT\nmemory d=4 shape=(2, 9, 1) = FAST\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new AutoModeChooser("memory d=4")
                .choose(manager.ones(new Shape(2, 8, 1)), slowIn(MemoryMode.RAW, new AtomicInteger())));
        assertTrue(e.getMessage().startsWith(file + ", line 2: expected '<key> = FFT' or '<key> = RAW'"),
                e.getMessage());
    }
}
