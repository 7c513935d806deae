package io.parallellmu.reports.markdown;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.reports.SpeedFixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpeedSectionTest {

    private final String section = SpeedSection.render(SpeedFixtures.study(), Optional.of(
            new ChartLink("Training step time", "charts/speed.png", "charts/speed.svg")));

    @Test
    void statesTheSpeedupAtEachLengthInPlainWords() {
        assertTrue(section.contains("- L = 256: lmu-final MATMUL is 250× faster.\n"
                + "- L = 784: lmu-final MATMUL is 300× faster; lstm-128 DJL is 2.00× slower.\n"
                + "- L = 4096: lmu-final RECURRENT not measured (skipped: budget).\n"), section);
    }

    @Test
    void tableShowsTimesAndLeavesUnmeasuredCellsEmpty() {
        assertTrue(section.contains("| lmu-final     | MATMUL    | 784  | 100   | 166k   | 5    "
                + "       | 5.00 ms   | 0.251      | 50.2    | 800 MiB  | 200 MiB   | 300×     |"
                + " ok              |      |"), section);
        assertTrue(section.contains("| lmu-final     | RECURRENT | 4096 | 100   | 166k   | 0    "
                + "       | —         | 10.0       | —       | —        | —         | —        |"
                + " skipped: budget |      |"), section);
    }

    @Test
    void linksTheChartAndExplainsCpuVersusGpu() {
        assertTrue(section.contains("![Training step time](charts/speed.png)"));
        assertTrue(section.contains("tends to a constant of order d (the memory order)"));
        assertTrue(section.contains("On a GPU"));
    }
}
