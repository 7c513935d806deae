package io.parallellmu.benchmarks.speed;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Formats speed measurements as a Markdown table with each time's ratio to RECURRENT. */
public final class SpeedTable {

    private SpeedTable() {}

    /**
     * Returns the RECURRENT measurement of the same configuration and length, if it was measured.
     *
     * @param all every measurement of the run
     * @param m the measurement to compare
     * @return the baseline
     */
    public static Optional<SpeedMeasurement> baseline(List<SpeedMeasurement> all, SpeedMeasurement m) {
        return all.stream()
                .filter(b -> b.measured() && b.mode().equals("RECURRENT"))
                .filter(b -> b.configuration().equals(m.configuration()) && b.length() == m.length())
                .findFirst();
    }

    /**
     * Renders the table.
     *
     * @param all the measurements
     * @return Markdown
     */
    public static String markdown(List<SpeedMeasurement> all) {
        StringBuilder sb = new StringBuilder();
        sb.append("| configuration | mode | L | params | step (s) | GFLOP | GFLOP/s | speed-up vs RECURRENT | note |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (SpeedMeasurement m : all) {
            String mode = m.mode().equals(m.resolvedMode()) || m.resolvedMode().isEmpty() ? m.mode() : m.mode() + " → " + m.resolvedMode();
            if (!m.measured()) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %.3f | | | %s |\n",
                        m.configuration(), mode, m.length(), m.parameters(), m.status(), m.flops() / 1e9, m.note()));
                continue;
            }
            String ratio = baseline(all, m).map(b -> String.format(Locale.ROOT, "%.1f×", b.medianSeconds() / m.medianSeconds())).orElse("n/a");
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.4f | %.3f | %.1f | %s | %s |\n",
                    m.configuration(), mode, m.length(), m.parameters(), m.medianSeconds(), m.flops() / 1e9,
                    m.gflopsPerSecond(), ratio, m.note()));
        }
        return sb.toString();
    }
}
