package io.parallellmu.reports.store;

import io.parallellmu.reports.schema.Provenance;
import io.parallellmu.reports.schema.ReportInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of one suite output directory, under fixed names, so that the runner, the speed
 * study and the {@code report} command agree on where everything is.
 *
 * @param dir the output directory
 */
public record RunDirectory(Path dir) {

    /** The file name of the per-run results. */
    public static final String RESULTS = "results.csv";
    /** The file name of the learning curves. */
    public static final String CURVES = "curves.csv";
    /** The file name of the speed study. */
    public static final String SPEED = "speed.csv";
    /** The file name of the skipped tasks. */
    public static final String SKIPPED = "skipped.csv";
    /** The file name of the failed runs. */
    public static final String FAILED = "failed.csv";
    /** The file name of the provenance record. */
    public static final String PROVENANCE = "provenance.json";
    /** The file name of the Markdown report. */
    public static final String REPORT = "report.md";
    /** The name of the charts directory, relative to the report. */
    public static final String CHARTS = "charts";

    /**
     * Validates the directory.
     *
     * @param dir the output directory
     * @throws IllegalArgumentException when {@code dir} is null
     */
    public RunDirectory {
        if (dir == null) {
            throw new IllegalArgumentException("output directory is required");
        }
    }

    /**
     * Returns the per-run results table.
     *
     * @return {@code dir/results.csv}
     */
    public ResultsCsv results() {
        return new ResultsCsv(dir.resolve(RESULTS));
    }

    /**
     * Returns the learning-curves table.
     *
     * @return {@code dir/curves.csv}
     */
    public CurvesCsv curves() {
        return new CurvesCsv(dir.resolve(CURVES));
    }

    /**
     * Returns the speed-study table.
     *
     * @return {@code dir/speed.csv}
     */
    public SpeedCsv speed() {
        return new SpeedCsv(dir.resolve(SPEED));
    }

    /**
     * Returns the skipped-tasks table.
     *
     * @return {@code dir/skipped.csv}
     */
    public SkippedCsv skipped() {
        return new SkippedCsv(dir.resolve(SKIPPED));
    }

    /**
     * Returns the failed-runs table.
     *
     * @return {@code dir/failed.csv}
     */
    public FailedCsv failed() {
        return new FailedCsv(dir.resolve(FAILED));
    }

    /**
     * Returns the provenance file's path.
     *
     * @return {@code dir/provenance.json}
     */
    public Path provenance() {
        return dir.resolve(PROVENANCE);
    }

    /**
     * Returns the report's path.
     *
     * @return {@code dir/report.md}
     */
    public Path report() {
        return dir.resolve(REPORT);
    }

    /**
     * Returns the charts directory.
     *
     * @return {@code dir/charts}
     */
    public Path charts() {
        return dir.resolve(CHARTS);
    }

    /**
     * Reads everything this directory holds for a report; absent files read as empty.
     *
     * @return the results, curves, speed rows, skips, provenance and failed runs
     * @throws IOException naming the file (and line) of the first unreadable or malformed file
     */
    public ReportInputs readInputs() throws IOException {
        Optional<Provenance> recorded = Files.exists(provenance())
                ? Optional.of(ProvenanceJson.read(provenance()))
                : Optional.empty();
        return new ReportInputs(results().read(), curves().read(), speed().read(),
                skipped().read(), recorded, failed().read());
    }
}
