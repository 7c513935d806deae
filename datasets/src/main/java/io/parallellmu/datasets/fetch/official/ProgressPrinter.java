package io.parallellmu.datasets.fetch.official;

import java.io.PrintStream;
import java.net.URI;
import java.util.Locale;

/**
 * Shows download progress: bytes, rate and time left. On a terminal one line is redrawn in place a few times a
 * second; otherwise (a log, a CI job) a plain line is printed every {@value #PLAIN_INTERVAL_SECONDS} seconds.
 */
final class ProgressPrinter {

    /** Seconds between plain progress lines. */
    static final int PLAIN_INTERVAL_SECONDS = 10;
    private static final long TERMINAL_INTERVAL_NANOS = 250_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private String name;
    private long startNanos;
    private long startBytes;
    private long total;
    private long lastPrintNanos;
    private boolean drawn;

    /**
     * Creates a printer.
     *
     * @param out where progress goes
     * @param terminal true to redraw one line in place, false for periodic plain lines
     */
    ProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /**
     * Announces a download.
     *
     * @param fileName the file
     * @param url where it comes from
     * @param resumeFrom bytes already on disk
     * @param totalBytes the expected size, or negative when unknown
     */
    void start(String fileName, URI url, long resumeFrom, long totalBytes) {
        name = fileName;
        startNanos = System.nanoTime();
        lastPrintNanos = startNanos;
        startBytes = resumeFrom;
        total = totalBytes;
        drawn = false;
        line(fileName + ": downloading from " + url + (resumeFrom > 0 ? ", resuming at " + bytes(resumeFrom) : ""));
    }

    /**
     * Reports bytes on disk so far.
     *
     * @param have bytes on disk
     */
    void update(long have) {
        long now = System.nanoTime();
        if (now - lastPrintNanos < (terminal ? TERMINAL_INTERVAL_NANOS : PLAIN_INTERVAL_SECONDS * 1_000_000_000L)) {
            return;
        }
        lastPrintNanos = now;
        String status = status(have, now);
        if (terminal) {
            out.print("\r" + status + "   ");
            drawn = true;
        } else {
            out.println(status);
        }
        out.flush();
    }

    /**
     * Reports a finished download.
     *
     * @param have bytes on disk
     */
    void done(long have) {
        endLine();
        out.println(name + ": " + bytes(have) + " downloaded");
    }

    /** Ends the progress line of a download that broke off. */
    void interrupted() {
        endLine();
    }

    /**
     * Prints a message on its own line.
     *
     * @param message the message
     */
    void line(String message) {
        endLine();
        out.println(message);
        out.flush();
    }

    /**
     * Formats a byte count.
     *
     * @param n bytes
     * @return such as {@code 12.3 MiB}
     */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private String status(long have, long now) {
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        double rate = (have - startBytes) / seconds;
        StringBuilder s = new StringBuilder(name).append(": ").append(bytes(have));
        if (total > 0) {
            s.append(" of ").append(bytes(total))
                    .append(String.format(Locale.ROOT, " (%.0f%%)", 100.0 * have / total));
        }
        s.append(", ").append(bytes(Math.round(rate))).append("/s");
        if (total > 0 && rate > 0) {
            long eta = Math.round((total - have) / rate);
            s.append(String.format(Locale.ROOT, ", ETA %d:%02d", eta / 60, eta % 60));
        }
        return s.toString();
    }

    private void endLine() {
        if (drawn) {
            out.println();
            drawn = false;
        }
    }
}
