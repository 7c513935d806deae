package io.parallellmu.reports.chart;

import java.nio.file.Path;

/**
 * A chart written to disk in both formats.
 *
 * @param title the chart's title
 * @param png the PNG file
 * @param svg the SVG file
 */
public record ChartFiles(String title, Path png, Path svg) {}
