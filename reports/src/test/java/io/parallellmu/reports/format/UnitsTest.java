package io.parallellmu.reports.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void parameterCounts() {
        assertEquals("999", Units.parameters(999));
        assertEquals("18.0k", Units.parameters(18_026));
        assertEquals("166k", Units.parameters(166_092));
        assertEquals("1.00M", Units.parameters(999_999));
        assertEquals("34.0M", Units.parameters(34_000_000));
    }

    @Test
    void durations() {
        assertEquals("45.0 µs", Units.duration(45e-6));
        assertEquals("23.6 ms", Units.duration(0.0236));
        assertEquals("1.50 ms", Units.duration(0.0015));
        assertEquals("2.60 s", Units.duration(2.6));
        assertEquals("12 min 5 s", Units.duration(725.2));
        assertEquals("2 h 3 min", Units.duration(7380));
    }

    @Test
    void sizesAndRatios() {
        assertEquals("512 KiB", Units.bytes(512 * 1024));
        assertEquals("1.50 GiB", Units.bytes(3L << 29));
        assertEquals("250×", Units.times(250.4));
        assertEquals("1.02×", Units.times(1.0234));
        assertEquals("0.0236", Units.significant(0.023_56));
        assertEquals("1234", Units.significant(1234.4));
    }

    @Test
    void metricFormatsUseTheirUnits() {
        MetricFormat accuracy = MetricFormat.of("accuracy");
        assertEquals("98.49%", accuracy.value(0.9849));
        assertEquals("+0.89 pp", accuracy.delta(0.0089));
        assertEquals("97.00 ± 1.00%", accuracy.meanStd(Summary.of(List.of(0.96, 0.97, 0.98))));
        assertEquals("0.0487", MetricFormat.of("nrmse").value(0.0487));
        assertEquals("-0.0100", MetricFormat.of("nrmse").delta(-0.01));
        assertEquals("perplexity", MetricFormat.of("perplexity").axisTitle());
    }

    @Test
    void summaryUsesTheSampleDeviation() {
        Summary summary = Summary.of(List.of(1.0, 2.0, 3.0, 4.0));
        assertEquals(2.5, summary.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3.0), summary.std(), 1e-12);
        assertEquals(0.0, Summary.of(List.of(7.0)).std());
    }
}
