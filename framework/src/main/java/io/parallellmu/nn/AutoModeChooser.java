package io.parallellmu.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses between FFT and RAW for whole-sequence memories by timing both on the actual input shape, once
 * per (shape, data type, device), and remembering the faster.
 */
final class AutoModeChooser {

    /** Computes the memory of an input in a mode. */
    interface Computation {
        NDArray compute(NDArray u, MemoryMode mode, boolean sequences);
    }

    private static final int TIMED_RUNS = 3;

    private record Key(Shape shape, DataType dataType, Device device) {}

    private final Computation computation;
    private final Map<Key, MemoryMode> choices = new ConcurrentHashMap<>();

    AutoModeChooser(Computation computation) {
        this.computation = computation;
    }

    Optional<MemoryMode> chosen(Shape shape) {
        return choices.entrySet().stream().filter(e -> e.getKey().shape().equals(shape)).map(Map.Entry::getValue).findFirst();
    }

    MemoryMode choose(NDArray u, boolean sequences) {
        Key key = new Key(u.getShape(), u.getDataType(), u.getDevice());
        return choices.computeIfAbsent(key, k -> measure(u, sequences));
    }

    private MemoryMode measure(NDArray u, boolean sequences) {
        try (NDManager scope = NDManager.subManagerOf(u)) {
            NDArray probe = u.stopGradient(); // timing must not touch the caller's autograd graph
            probe.attach(scope);
            long fft = medianNanos(probe, MemoryMode.FFT, sequences, scope);
            long raw = medianNanos(probe, MemoryMode.RAW, sequences, scope);
            return fft <= raw ? MemoryMode.FFT : MemoryMode.RAW;
        }
    }

    private long medianNanos(NDArray probe, MemoryMode mode, boolean sequences, NDManager scope) {
        long[] times = new long[TIMED_RUNS];
        for (int run = -1; run < TIMED_RUNS; run++) { // run −1 warms up
            try (NDManager inner = scope.newSubManager()) {
                inner.tempAttachAll(probe);
                long start = System.nanoTime();
                computation.compute(probe, mode, sequences).sum().toArray(); // reading a value waits for the device
                if (run >= 0) {
                    times[run] = System.nanoTime() - start;
                }
            }
        }
        Arrays.sort(times);
        return times[TIMED_RUNS / 2];
    }
}
