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
 * Chooses between FFT and RAW for whole-sequence computations by timing both on the actual input shape,
 * once per (shape, data type, device), and remembering the faster, in this process and in {@link
 * AutoModeDecisions} for later runs on the machine.
 */
final class AutoModeChooser {

    /** The computation to time: its result for an input in a mode. */
    interface Computation {
        NDArray compute(NDArray u, MemoryMode mode);
    }

    private static final int TIMED_RUNS = 3;
    private static final long GIVE_UP_FACTOR = 3;

    private record Key(Shape shape, DataType dataType, Device device) {}

    private final Map<Key, MemoryMode> choices = new ConcurrentHashMap<>();
    private final String computationName;

    /**
     * Creates a chooser for one computation.
     *
     * @param computationName what is computed and every setting its cost depends on besides the input's shape,
     *     for example {@code "legendre-memory d=468"}
     */
    AutoModeChooser(String computationName) {
        this.computationName = computationName;
    }

    Optional<MemoryMode> chosen(Shape shape) {
        return choices.entrySet().stream().filter(e -> e.getKey().shape().equals(shape)).map(Map.Entry::getValue).findFirst();
    }

    MemoryMode choose(NDArray u, Computation computation) {
        Key key = new Key(u.getShape(), u.getDataType(), u.getDevice());
        return choices.computeIfAbsent(key, k -> {
            String recordKey = computationName + " shape=" + k.shape() + " " + k.dataType() + " " + k.device();
            return AutoModeDecisions.recorded(recordKey).orElseGet(() -> {
                MemoryMode measured = measure(u, computation);
                AutoModeDecisions.record(recordKey, measured);
                return measured;
            });
        });
    }

    private MemoryMode measure(NDArray u, Computation computation) {
        try (NDManager scope = NDManager.subManagerOf(u)) {
            NDArray probe = u.stopGradient(); // timing must not touch the caller's autograd graph
            probe.attach(scope);
            long fft = medianNanos(probe, MemoryMode.FFT, computation, scope, Long.MAX_VALUE);
            // RAW grows as L²: once one run of it is far slower than FFT, timing it further is wasted
            long raw = medianNanos(probe, MemoryMode.RAW, computation, scope, GIVE_UP_FACTOR * fft);
            return fft <= raw ? MemoryMode.FFT : MemoryMode.RAW;
        }
    }

    /** The median of the timed runs, or the first run's time if that already exceeds {@code giveUpNanos}. */
    private static long medianNanos(
            NDArray probe, MemoryMode mode, Computation computation, NDManager scope, long giveUpNanos) {
        long[] times = new long[TIMED_RUNS];
        for (int run = -1; run < TIMED_RUNS; run++) { // run −1 warms up
            try (NDManager inner = scope.newSubManager()) {
                inner.tempAttachAll(probe);
                long start = System.nanoTime();
                computation.compute(probe, mode).sum().toArray(); // reading a value waits for the device
                long elapsed = System.nanoTime() - start;
                if (run < 0 && elapsed > giveUpNanos) {
                    return elapsed;
                }
                if (run >= 0) {
                    times[run] = elapsed;
                }
            }
        }
        Arrays.sort(times);
        return times[TIMED_RUNS / 2];
    }
}
