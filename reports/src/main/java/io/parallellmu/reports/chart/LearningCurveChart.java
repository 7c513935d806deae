package io.parallellmu.reports.chart;

import io.parallellmu.vocabulary.Split;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.reports.format.MetricFormat;
import io.parallellmu.reports.schema.LearningCurvePoint;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A task's learning curves for one metric: a line per family, configuration, seed and split;
 * each family has its colour, each of its runs a marker, each split a line style (train dashed,
 * valid solid, test dotted). An error metric's axis (loss, NRMSE, BPC: lower is better, never negative) is
 * logarithmic when its values span more than a factor of {@value #LOG_AXIS_SPAN}, so that the final differences
 * between families stay visible beside the first epochs' large errors.
 */
public final class LearningCurveChart {

    /** One colour per family, in the families' declaration order (LMU blue, original LMU green, LSTM red, ...). */
    private static final List<Color> PALETTE = List.of(
            new Color(0x1F, 0x77, 0xB4), new Color(0x2C, 0xA0, 0x2C), new Color(0xD6, 0x27, 0x28),
            new Color(0x94, 0x67, 0xBD), new Color(0xFF, 0x7F, 0x0E), new Color(0x8C, 0x56, 0x4B),
            new Color(0xE3, 0x77, 0xC2), new Color(0x7F, 0x7F, 0x7F));

    private static Color colour(ModelFamily family) {
        return PALETTE.get(family.ordinal() % PALETTE.size());
    }

    /** The error metrics whose axis may be logarithmic. */
    private static final Set<String> ERROR_METRICS = Set.of("loss", "nrmse", "bpc");
    /** The span, largest over smallest value, above which an error metric's axis is logarithmic. */
    static final double LOG_AXIS_SPAN = 10;

    /** Markers tell the runs (configuration and seed) of one family apart. */
    private static final List<Marker> MARKERS = List.of(SeriesMarkers.CIRCLE,
            SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
            SeriesMarkers.TRIANGLE_DOWN);

    /** The points of one line. */
    private record Line(ModelFamily model, String config, long seed, Split split) {
        String run() {
            return config + "/" + seed;
        }
    }

    private LearningCurveChart() {}

    /**
     * Builds the chart of one task and metric.
     *
     * @param task the task
     * @param metric the metric
     * @param points the curve points; those of other tasks or metrics, and NaN values, are left
     *     out
     * @return the chart
     */
    public static XYChart build(TaskId task, String metric, List<LearningCurvePoint> points) {
        MetricFormat format = MetricFormat.of(metric);
        XYChart chart = ChartWriter.lineChart(task.displayName() + ": " + metric + " by epoch",
                "epoch", format.axisTitle());
        chart.getStyler().setXAxisDecimalPattern("#");
        chart.getStyler().setYAxisDecimalPattern("0.####");
        List<LearningCurvePoint> selected = points.stream()
                .filter(p -> p.task() == task && p.metric().equals(metric))
                .filter(p -> !Double.isNaN(p.value()))
                .sorted(Comparator.comparing(LearningCurvePoint::model)
                        .thenComparing(LearningCurvePoint::config)
                        .thenComparingLong(LearningCurvePoint::seed)
                        .thenComparing(LearningCurvePoint::split)
                        .thenComparingInt(LearningCurvePoint::epoch))
                .toList();
        chart.getStyler().setYAxisLogarithmic(logarithmic(metric,
                selected.stream().mapToDouble(p -> format.chartValue(p.value())).toArray()));
        Map<Line, List<LearningCurvePoint>> lines = selected.stream().collect(
                Collectors.groupingBy(p -> new Line(p.model(), p.config(), p.seed(), p.split()),
                        LinkedHashMap::new, Collectors.toList()));
        Map<ModelFamily, List<Line>> families = lines.keySet().stream().collect(
                Collectors.groupingBy(Line::model, LinkedHashMap::new, Collectors.toList()));
        lines.forEach((line, linePoints) -> {
            List<Line> family = families.get(line.model());
            List<String> runs = family.stream().map(Line::run).distinct().toList();
            boolean severalConfigs = family.stream().map(Line::config).distinct().count() > 1;
            String name = line.model().displayName() + (severalConfigs ? " " + line.config() : "")
                    + " seed " + line.seed() + " " + line.split().id();
            XYSeries series = chart.addSeries(name,
                    linePoints.stream().map(p -> (double) p.epoch()).toList(),
                    linePoints.stream().map(p -> format.chartValue(p.value())).toList());
            series.setLineColor(colour(line.model()));
            series.setMarkerColor(colour(line.model()));
            series.setMarker(MARKERS.get(runs.indexOf(line.run()) % MARKERS.size()));
            series.setLineStyle(switch (line.split()) {
                case TRAIN -> SeriesLines.DASH_DASH;
                case TEST -> SeriesLines.DOT_DOT;
                case VALIDATION -> SeriesLines.SOLID;
            });
        });
        return chart;
    }

    /**
     * Tells whether a metric's axis is logarithmic: for an error metric whose values are all positive and span more
     * than a factor of {@value #LOG_AXIS_SPAN}.
     *
     * @param metric the metric's name
     * @param values the plotted values
     * @return whether to use a logarithmic axis
     */
    static boolean logarithmic(String metric, double[] values) {
        if (!ERROR_METRICS.contains(metric) || values.length == 0) {
            return false;
        }
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        return min > 0 && max / min > LOG_AXIS_SPAN;
    }

    /**
     * Writes one chart per task and metric found in the points, named {@code task-metric}.
     *
     * @param points every curve point
     * @param dir the charts directory
     * @return each task's charts, in task order then in the metrics' order of appearance
     * @throws IOException when a file cannot be written
     */
    public static Map<TaskId, List<ChartFiles>> writeAll(List<LearningCurvePoint> points,
            Path dir) throws IOException {
        Map<TaskId, List<ChartFiles>> written = new EnumMap<>(TaskId.class);
        for (TaskId task : TaskId.values()) {
            List<String> metrics = points.stream().filter(p -> p.task() == task)
                    .map(LearningCurvePoint::metric).distinct().toList();
            List<ChartFiles> charts = new ArrayList<>();
            for (String metric : metrics) {
                charts.add(ChartWriter.write(build(task, metric, points), dir,
                        ChartWriter.fileName(task.id() + " " + metric)));
            }
            if (!charts.isEmpty()) {
                written.put(task, charts);
            }
        }
        return written;
    }
}
