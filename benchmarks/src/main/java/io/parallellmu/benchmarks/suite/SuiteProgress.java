package io.parallellmu.benchmarks.suite;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The suite's overall progress: a bar over all pending runs with elapsed time and an ETA from the mean time of
 * the runs finished so far. Each run's own progress is the training loop's per-epoch bar.
 */
final class SuiteProgress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private final long started = System.nanoTime();
    private int done;
    private int timed;
    private double timedSeconds;

    SuiteProgress(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    /** Prints the bar and what runs next. */
    void starting(String what) {
        int filled = total == 0 ? WIDTH : WIDTH * done / total;
        String eta = timed == 0 ? "?" : format(timedSeconds / timed * (total - done));
        out.printf(Locale.ROOT, "%n[%s%s] %d/%d runs, %s elapsed, ETA %s: %s%n", "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, format(elapsedSeconds()), eta, what);
    }

    /** Counts a finished run and its time. */
    void finished(double seconds) {
        done++;
        timed++;
        timedSeconds += seconds;
    }

    /** Counts runs that will not run (skipped task, out of time) without timing them. */
    void dropped(int runs) {
        done += runs;
    }

    double elapsedSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    static String format(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
