/**
 * How numbers are shown: metric values with their units, summaries over seeds, durations,
 * parameter counts, bytes and ratios. Shared by the Markdown report, the charts and {@code
 * compare}, so the same number always reads the same way. All formatting uses {@link
 * java.util.Locale#ROOT}.
 */
package io.parallellmu.reports.format;
