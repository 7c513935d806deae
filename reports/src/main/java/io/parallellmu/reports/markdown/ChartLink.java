package io.parallellmu.reports.markdown;

/**
 * A chart as the report links it: the PNG shown inline and the SVG beside it.
 *
 * @param title the chart's title, used as the image's alternative text
 * @param png the PNG file's path relative to the report
 * @param svg the SVG file's path relative to the report
 */
public record ChartLink(String title, String png, String svg) {

    /**
     * Renders the link.
     *
     * @return an inline image followed by a link to the SVG, ending in '\n'
     */
    public String markdown() {
        return "![" + title + "](" + png + ")\n[SVG](" + svg + ")\n";
    }
}
