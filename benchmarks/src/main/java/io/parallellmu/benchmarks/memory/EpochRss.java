package io.parallellmu.benchmarks.memory;

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
 * <p>Each reading follows a garbage collection: until its first collection the JVM's young generation touches
 * fresh pages with every allocation, which would show as growth of the resident set without any leak. After a
 * collection the young generation reuses the same pages, so what still grows is retained memory, native or heap.
 */
final class EpochRss implements EpochMetricsListener {

    private static final double MIB = 1024.0 * 1024.0;

    private final List<Long> rssBytes = new ArrayList<>();
    private final PrintStream log;
    private final long startMillis = System.currentTimeMillis();

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
    public void onEpochMetric(int epoch, String split, String metric, double value) {
        if (!"train".equals(split) || !"loss".equals(metric)) {
            return;
        }
        System.gc();
        long rss = PeakMemory.rssBytes()
                .orElseThrow(() -> new IllegalStateException("/proc/self/status has no VmRSS: the memory benchmark needs Linux"));
        rssBytes.add(rss);
        Runtime runtime = Runtime.getRuntime();
        long heapUsed = runtime.totalMemory() - runtime.freeMemory();
        log.printf(Locale.ROOT, "epoch %2d  loss %.4f  RSS %8.1f MiB  heap used %7.1f MiB of %7.1f MiB committed  %6.1f s%n",
                epoch, value, rss / MIB, heapUsed / MIB, runtime.totalMemory() / MIB,
                (System.currentTimeMillis() - startMillis) / 1000.0);
    }

    /**
     * Returns the resident set size after each epoch so far.
     *
     * @return bytes, epoch 1 first
     */
    List<Long> rssBytes() {
        return List.copyOf(rssBytes);
    }

    /**
     * Returns the growth of the resident set from the end of an epoch to the end of the last one.
     *
     * @param fromEpoch the 1-based reference epoch
     * @return the growth in percent of the reference (negative for shrinkage)
     * @throws IllegalStateException if fewer epochs than {@code fromEpoch} have ended
     */
    double growthPercentAfter(int fromEpoch) {
        if (rssBytes.size() < fromEpoch) {
            throw new IllegalStateException("only " + rssBytes.size() + " epochs ended, fewer than " + fromEpoch);
        }
        double reference = rssBytes.get(fromEpoch - 1);
        return 100.0 * (rssBytes.get(rssBytes.size() - 1) - reference) / reference;
    }
}
