package io.parallellmu.benchmarks.memory;

import io.parallellmu.vocabulary.Split;
import io.parallellmu.benchmarks.speed.PeakMemory;
import io.parallellmu.train.EpochMetricsListener;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Records the resident set size ({@code VmRSS}) once per epoch, when the training loop reports the epoch's
 * training loss, and prints it with the JVM heap in use.
 *
 * <p>Each epoch gives two readings, both after a garbage collection (until its first collection the JVM's young
 * generation touches fresh pages with every allocation, which would show as growth without any leak):
 * <ul>
 *   <li><b>held</b>: after the C allocator has returned its free pages ({@link NativeHeap#trim}), so what remains is
 *       memory the process still holds, native or heap; growth here is retained memory. The target applies to it.
 *   <li><b>as is</b>: before the trim, including pages freed but cached by the allocator (for example the arenas of a
 *       JIT compilation that just finished); printed so the two can be compared.
 * </ul>
 */
final class EpochRss implements EpochMetricsListener {

    private static final double MIB = 1024.0 * 1024.0;

    private final List<Long> held = new ArrayList<>();
    private final List<Long> asIs = new ArrayList<>();
    private final PrintStream log;
    private final long startMillis = System.currentTimeMillis();
    private boolean trimmed = true;

    /**
     * Creates the recorder.
     *
     * @param log where each epoch's line goes
     */
    EpochRss(PrintStream log) {
        this.log = log;
    }

    /** {@inheritDoc} */
    @Override
    public void onEpochMetric(int epoch, Split split, String metric, double value) {
        if (split != Split.TRAIN || !"loss".equals(metric)) {
            return;
        }
        System.gc();
        asIs.add(rss());
        trimmed &= NativeHeap.trim();
        held.add(rss());
        Runtime runtime = Runtime.getRuntime();
        long heapUsed = runtime.totalMemory() - runtime.freeMemory();
        log.printf(Locale.ROOT, "epoch %2d  loss %.4f  RSS held %7.1f MiB, as is %7.1f MiB  heap used %6.1f MiB of"
                        + " %6.1f MiB committed  %6.1f s%n",
                epoch, value, last(held) / MIB, last(asIs) / MIB, heapUsed / MIB, runtime.totalMemory() / MIB,
                (System.currentTimeMillis() - startMillis) / 1000.0);
    }

    /**
     * Returns whether every "held" reading followed a successful trim of the native heap; if not, the held
     * readings include the allocator's cached pages too.
     *
     * @return true if the native heap was trimmed before every held reading
     */
    boolean trimmed() {
        return trimmed;
    }

    /**
     * Returns the growth of the held resident set from the end of an epoch to the end of the last one.
     *
     * @param fromEpoch the 1-based reference epoch
     * @return the growth in percent of the reference (negative for shrinkage)
     * @throws IllegalStateException if fewer epochs than {@code fromEpoch} have ended
     */
    double heldGrowthPercentAfter(int fromEpoch) {
        return growthPercent(held, fromEpoch);
    }

    /**
     * Returns the growth of the untrimmed resident set from the end of an epoch to the end of the last one.
     *
     * @param fromEpoch the 1-based reference epoch
     * @return the growth in percent of the reference (negative for shrinkage)
     * @throws IllegalStateException if fewer epochs than {@code fromEpoch} have ended
     */
    double asIsGrowthPercentAfter(int fromEpoch) {
        return growthPercent(asIs, fromEpoch);
    }

    private static double growthPercent(List<Long> readings, int fromEpoch) {
        if (readings.size() < fromEpoch) {
            throw new IllegalStateException("only " + readings.size() + " epochs ended, fewer than " + fromEpoch);
        }
        double reference = readings.get(fromEpoch - 1);
        return 100.0 * (last(readings) - reference) / reference;
    }

    private static long last(List<Long> readings) {
        return readings.get(readings.size() - 1);
    }

    private static long rss() {
        return PeakMemory.rssBytes().orElseThrow(
                () -> new IllegalStateException("/proc/self/status has no VmRSS: the memory benchmark needs Linux"));
    }
}
