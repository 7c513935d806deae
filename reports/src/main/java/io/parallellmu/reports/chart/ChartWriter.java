package io.parallellmu.reports.chart;

import io.parallellmu.reports.store.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** Creates charts in the report's common style and writes them as PNG and SVG. */
public final class ChartWriter {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 540;

    private ChartWriter() {}

    /**
     * Creates an empty line chart in the report's style: white background, light grid, legend
     * outside on the right.
     *
     * @param title the chart's title
     * @param xTitle the x axis title, with its unit
     * @param yTitle the y axis title, with its unit
     * @return the chart, ready for series
     */
    public static XYChart lineChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setLocale(Locale.ROOT);
        styler.setMarkerSize(5);
        return chart;
    }

    /**
     * Writes a chart as {@code dir/name.png} and {@code dir/name.svg}, each atomically.
     *
     * @param chart the chart
     * @param dir the directory, created if missing
     * @param name the file name without extension
     * @return the two files
     * @throws IOException when a file cannot be written
     */
    public static ChartFiles write(XYChart chart, Path dir, String name) throws IOException {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        AtomicFiles.write(png, out -> BitmapEncoder.saveBitmap(chart, out,
                BitmapEncoder.BitmapFormat.PNG));
        AtomicFiles.write(svg, out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out,
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        return new ChartFiles(chart.getTitle(), png, svg);
    }

    /**
     * Turns a label into a safe file name.
     *
     * @param label for example "psmnist accuracy"
     * @return lower case letters, digits and '-', for example "psmnist-accuracy"
     */
    public static String fileName(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
    }
}
