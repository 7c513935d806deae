package io.parallellmu.reports.store;

import io.parallellmu.reports.schema.SpeedKey;
import io.parallellmu.reports.schema.SpeedResult;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code speed.csv}: the training-speed study, one {@link SpeedResult} per configuration, mode
 * and length, keyed by {@link SpeedKey}. Values not measured are empty cells.
 */
public final class SpeedCsv extends CsvTable<SpeedResult, SpeedKey> {

    /** The columns, in file order; one per {@link SpeedResult} component. */
    public static final List<String> COLUMNS = List.of("configuration", "mode", "length",
            "batch", "parameters", "timed_steps", "median_step_seconds", "flops",
            "gflops_per_second", "peak_rss_bytes", "peak_heap_bytes", "speedup_vs_recurrent",
            "status", "note");

    /**
     * Opens the table; nothing is read until asked.
     *
     * @param path the CSV file, which need not exist yet
     */
    public SpeedCsv(Path path) {
        super(path);
    }

    /** {@inheritDoc} */
    @Override
    public List<String> header() {
        return COLUMNS;
    }

    @Override
    List<String> values(SpeedResult s) {
        return List.of(s.configuration(), s.mode(), Integer.toString(s.length()),
                Integer.toString(s.batch()), Long.toString(s.parameters()),
                Integer.toString(s.timedSteps()), number(s.medianStepSeconds()),
                number(s.flops()), number(s.gflopsPerSecond()), number(s.peakRssBytes()),
                number(s.peakHeapBytes()), number(s.speedupVsRecurrent()), s.status(), s.note());
    }

    @Override
    SpeedResult parse(CsvRow row) throws CsvFormatException {
        return new SpeedResult(
                row.text("configuration"),
                row.text("mode"),
                row.integer("length"),
                row.integer("batch"),
                row.whole("parameters"),
                row.integer("timed_steps"),
                row.optionalDecimal("median_step_seconds"),
                row.decimal("flops"),
                row.optionalDecimal("gflops_per_second"),
                row.optionalWhole("peak_rss_bytes"),
                row.optionalWhole("peak_heap_bytes"),
                row.optionalDecimal("speedup_vs_recurrent"),
                row.text("status"),
                row.text("note"));
    }

    @Override
    SpeedKey key(SpeedResult row) {
        return row.key();
    }
}
