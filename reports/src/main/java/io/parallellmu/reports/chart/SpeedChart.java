package io.parallellmu.reports.chart;

import io.parallellmu.reports.schema.SpeedResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The speed study's chart: training-step time against sequence length, both axes logarithmic,
 * a line per configuration and mode; RECURRENT lines are dashed, as the baseline.
 */
public final class SpeedChart {

    /** The file name of the chart, without extension. */
    public static final String NAME = "speed";

    private SpeedChart() {}

    /**
     * Builds the chart from the measured rows.
     *
     * @param speed the speed rows; rows without a time are left out
     * @return the chart, or empty when no row has a time
     */
    public static Optional<XYChart> build(List<SpeedResult> speed) {
        List<SpeedResult> measured = speed.stream().filter(SpeedResult::isMeasured)
                .sorted(Comparator.comparingInt(SpeedResult::length)).toList();
        if (measured.isEmpty()) {
            return Optional.empty();
        }
        boolean severalBatches = measured.stream().map(SpeedResult::batch).distinct().count() > 1;
        Map<String, List<SpeedResult>> lines = measured.stream().collect(Collectors.groupingBy(
                row -> row.configuration() + " " + row.mode()
                        + (severalBatches ? " B=" + row.batch() : ""),
                LinkedHashMap::new, Collectors.toList()));
        String batches = measured.stream().map(row -> Integer.toString(row.batch())).distinct()
                .collect(Collectors.joining(", "));
        XYChart chart = ChartWriter.lineChart(
                "Training step time vs sequence length (batch " + batches + ")",
                "sequence length L (time steps, log scale)",
                "median training step time (s, log scale)");
        // x is log2(L) on a linear axis, labelled at powers of two: XChart's logarithmic axis
        // labels only powers of ten, and L = 128..4096 holds one.
        chart.getStyler().setxAxisTickLabelsFormattingFunction(SpeedChart::powerOfTwoLabel);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(spansDecades(measured.stream()
                .mapToDouble(row -> row.medianStepSeconds().getAsDouble()).toArray()));
        lines.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(line -> {
            List<SpeedResult> rows = line.getValue();
            XYSeries series = chart.addSeries(line.getKey(),
                    rows.stream().map(row -> log2(row.length())).toList(),
                    rows.stream().map(row -> row.medianStepSeconds().getAsDouble()).toList());
            series.setMarker(SeriesMarkers.CIRCLE);
            if (rows.get(0).mode().equals(SpeedResult.RECURRENT)) {
                series.setLineStyle(SeriesLines.DASH_DASH);
            }
        });
        return Optional.of(chart);
    }

    /**
     * Returns the x position of a sequence length.
     *
     * @param length L
     * @return log2(L)
     */
    static double log2(int length) {
        return Math.log(length) / Math.log(2);
    }

    /**
     * Labels an x tick with the sequence length it stands for, when that is a power of two.
     *
     * @param log2Length the tick's position, log2(L)
     * @return for example "256" at 8.0; a blank (XChart cannot draw an empty label) between
     *     powers of two
     */
    static String powerOfTwoLabel(double log2Length) {
        double rounded = Math.rint(log2Length);
        return Math.abs(log2Length - rounded) < 1e-9
                ? Long.toString(Math.round(Math.pow(2, rounded)))
                : " ";
    }

    /**
     * Tells whether values cross at least two powers of ten, so that labelling only the decades
     * still gives two labels; otherwise every tick is labelled.
     */
    private static boolean spansDecades(double[] values) {
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        return Math.floor(Math.log10(max)) - Math.ceil(Math.log10(min)) >= 1;
    }

    /**
     * Writes the chart as {@code dir/speed.png} and {@code dir/speed.svg}.
     *
     * @param speed the speed rows
     * @param dir the charts directory
     * @return the files, or empty when no row has a time (nothing is written)
     * @throws IOException when a file cannot be written
     */
    public static Optional<ChartFiles> write(List<SpeedResult> speed, Path dir)
            throws IOException {
        Optional<XYChart> chart = build(speed);
        return chart.isPresent()
                ? Optional.of(ChartWriter.write(chart.get(), dir, NAME))
                : Optional.empty();
    }
}
