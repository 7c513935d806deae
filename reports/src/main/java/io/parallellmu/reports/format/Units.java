package io.parallellmu.reports.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Shows counts, durations, sizes and ratios with three significant digits and a unit. */
public final class Units {

    private static final double KIB = 1024;

    private Units() {}

    /**
     * Shows a parameter count.
     *
     * @param parameters the count
     * @return for example "999", "18.0k", "166k" or "34.0M"
     */
    public static String parameters(long parameters) {
        if (parameters < 1000) {
            return Long.toString(parameters);
        }
        double rounded = new BigDecimal(parameters).round(new MathContext(3)).doubleValue();
        if (rounded < 1e6) {
            return significant(rounded / 1e3) + "k";
        }
        if (rounded < 1e9) {
            return significant(rounded / 1e6) + "M";
        }
        return significant(rounded / 1e9) + "G";
    }

    /**
     * Shows a duration.
     *
     * @param seconds the duration in seconds
     * @return for example "45.0 µs", "23.6 ms", "2.60 s" or "12 min 5 s"
     */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return Double.toString(seconds);
        }
        if (seconds < 1e-3) {
            return significant(seconds * 1e6) + " µs";
        }
        if (seconds < 1) {
            return significant(seconds * 1e3) + " ms";
        }
        if (seconds < 60) {
            return significant(seconds) + " s";
        }
        long whole = Math.round(seconds);
        if (whole < 3600) {
            return whole / 60 + " min " + whole % 60 + " s";
        }
        return whole / 3600 + " h " + whole % 3600 / 60 + " min";
    }

    /**
     * Shows a memory size in binary units.
     *
     * @param bytes the size in bytes
     * @return for example "512 KiB", "300 MiB" or "1.50 GiB"
     */
    public static String bytes(long bytes) {
        if (bytes < KIB) {
            return bytes + " B";
        }
        double kib = bytes / KIB;
        if (kib < KIB) {
            return significant(kib) + " KiB";
        }
        double mib = kib / KIB;
        if (mib < KIB) {
            return significant(mib) + " MiB";
        }
        return significant(mib / KIB) + " GiB";
    }

    /**
     * Shows a ratio.
     *
     * @param ratio for example a speed-up
     * @return for example "250×", "12.5×" or "1.02×"
     */
    public static String times(double ratio) {
        return significant(ratio) + "×";
    }

    /**
     * Shows a number with three significant digits (more for numbers of 1000 and above, which
     * are shown whole).
     *
     * @param value the number
     * @return for example "0.0236", "1.50", "23.6" or "1234"
     */
    public static String significant(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : Double.toString(value);
        }
        double rounded = new BigDecimal(value).round(new MathContext(3)).doubleValue();
        if (Math.abs(rounded) >= 1000) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(rounded))));
        return String.format(Locale.ROOT, "%." + decimals + "f", rounded);
    }
}
