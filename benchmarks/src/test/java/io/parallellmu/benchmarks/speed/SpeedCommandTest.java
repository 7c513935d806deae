package io.parallellmu.benchmarks.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.reports.schema.SpeedResult;
import io.parallellmu.reports.store.RunDirectory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.InputSource;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The speed study end to end on a tiny configuration: files produced and ratios against the right baseline. */
class SpeedCommandTest {

    @Test
    void tinyStudyWritesCsvMarkdownAndChartWithRatiosAgainstRecurrent(@TempDir Path out) throws Exception {
        int status =
                new CommandLine(new SpeedCommand())
                        .execute("--lengths", "8,16", "--configurations", "all", "--batch", "2", "--order", "4",
                                "--hidden", "3", "--warmup", "0", "--steps", "1", "--warmup-seconds", "0",
                                "--timed-seconds", "0", "--streaming", "--out", out.toString());
        assertEquals(0, status);

        List<SpeedResult> rows = new RunDirectory(out).speed().read();
        // per length: lmu-final × 5 modes, lmu-sequence × 4, lmu-final-theta × 2, original-lmu, lstm-128,
        // lstm-matched, transformer, ssm
        assertEquals(2 * 16, rows.size());
        for (SpeedResult row : rows) {
            assertTrue(row.isMeasured(), row.key() + " " + row.status());
            String baselineConfiguration = find(rows, row.configuration(), "RECURRENT", row.length()).isPresent()
                    ? row.configuration() : SpeedStudy.COMMON_BASELINE;
            SpeedResult baseline = find(rows, baselineConfiguration, "RECURRENT", row.length()).orElseThrow();
            double expected = baseline.medianStepSeconds().getAsDouble() / row.medianStepSeconds().getAsDouble();
            assertEquals(expected, row.speedupVsRecurrent().orElseThrow(), 1e-9 * expected, row.key().toString());
        }
        assertEquals(1.0, find(rows, "lmu-final", "RECURRENT", 8).orElseThrow().speedupVsRecurrent().orElseThrow(), 0);
        assertTrue(find(rows, "lmu-final", "AUTO", 16).orElseThrow().note().contains("AUTO chose MATMUL"));

        String markdown = Files.readString(out.resolve("speed.md"));
        assertTrue(markdown.matches("(?s).*\\| lmu-final +\\| MATMUL +\\| 16 +\\|.*"), markdown);
        assertTrue(find(rows, "lstm-128", "sequential", 8).orElseThrow().note().contains("against lmu-final RECURRENT"));
        assertTrue(markdown.contains("L = 8:"), markdown);
        assertTrue(markdown.contains("## Streaming inference"), markdown);
        BufferedImage png = ImageIO.read(out.resolve("charts/speed.png").toFile());
        assertTrue(png.getWidth() > 100 && png.getHeight() > 100);
        DocumentBuilder xml = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        xml.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader(""))); // no DTD fetch
        assertEquals(
                "svg",
                xml
                        .parse(out.resolve("charts/speed.svg").toFile())
                        .getDocumentElement()
                        .getNodeName());
    }

    @Test
    void streamingStepsEndWithTheParallelScores() {
        StreamingLatency latency = StreamingLatency.measure(ai.djl.Device.cpu(), 16, 8, 120, 1);
        assertTrue(latency.maxAbsDifference() < 1e-5, "difference " + latency.maxAbsDifference());
        assertTrue(latency.finalStateNorm() > 1e-3, "the memory was exercised: " + latency.finalStateNorm());
        assertTrue(latency.perStepSeconds() > 0);
    }

    @Test
    void unknownConfigurationListsTheValidOnes() {
        CommandLine cli = new CommandLine(new SpeedCommand());
        java.io.StringWriter err = new java.io.StringWriter();
        cli.setErr(new java.io.PrintWriter(err));
        int status = cli.execute("--configurations", "gru", "--out", "unused");
        assertEquals(2, status, "a usage error");
        assertTrue(err.toString().contains("unknown configuration 'gru'; valid: all, lmu-final"), err.toString());
    }

    private static Optional<SpeedResult> find(List<SpeedResult> rows, String configuration, String mode, int length) {
        return rows.stream()
                .filter(r -> r.configuration().equals(configuration) && r.mode().equals(mode) && r.length() == length)
                .findFirst();
    }
}
