package io.parallellmu.reports.format;

import java.util.Locale;

/**
 * How one metric is shown: its axis title, scale, unit and precision. Accuracy, stored as a
 * fraction, is shown in percent with deltas in percentage points.
 *
 * @param metric the metric's name, as stored
 * @param axisTitle the chart axis title, with the unit
 * @param scale the factor from the stored value to the shown value
 * @param unit the suffix of a shown value, for example "%"; may be empty
 * @param decimals the number of decimals shown
 * @param deltaUnit the suffix of a shown difference, for example " pp"; may be empty
 */
public record MetricFormat(
        String metric, String axisTitle, double scale, String unit, int decimals,
        String deltaUnit) {

    /**
     * Returns the format of a metric; unknown metrics are shown as plain numbers.
     *
     * @param metric the metric's name, for example "accuracy", "nrmse", "bpc", "bleu", "loss"
     * @return its format
     */
    public static MetricFormat of(String metric) {
        return switch (metric) {
            case "accuracy" -> new MetricFormat(metric, "accuracy (%)", 100, "%", 2, " pp");
            case "nrmse" -> new MetricFormat(metric, "NRMSE (unitless)", 1, "", 4, "");
            case "bpc" -> new MetricFormat(metric, "bits per character", 1, "", 3, "");
            case "bleu" -> new MetricFormat(metric, "BLEU (0-100)", 1, "", 2, "");
            case "loss" -> new MetricFormat(metric, "loss (training objective)", 1, "", 4, "");
            default -> new MetricFormat(metric, metric, 1, "", 4, "");
        };
    }

    /**
     * Shows a value.
     *
     * @param value the stored value
     * @return for example "98.49%" for accuracy 0.9849
     */
    public String value(double value) {
        return number(value) + unit;
    }

    /**
     * Shows a mean over seeds, with its deviation when there is more than one seed.
     *
     * @param summary the values' summary
     * @return for example "97.12 ± 0.31%", or "97.12%" for one seed
     */
    public String meanStd(Summary summary) {
        if (summary.count() == 1) {
            return value(summary.mean());
        }
        return number(summary.mean()) + " ± " + number(summary.std()) + unit;
    }

    /**
     * Shows a difference between two values, with its sign.
     *
     * @param delta the stored difference
     * @return for example "+0.89 pp" for accuracy 0.0089
     */
    public String delta(double delta) {
        return String.format(Locale.ROOT, "%+." + decimals + "f", delta * scale) + deltaUnit;
    }

    /**
     * Converts a stored value to the value plotted on {@link #axisTitle()}'s scale.
     *
     * @param value the stored value
     * @return the value times {@link #scale()}
     */
    public double chartValue(double value) {
        return value * scale;
    }

    private String number(double value) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value * scale);
    }
}
