package io.parallellmu.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.reports.store.RunDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tiny suite's results.csv as written before the structural redesign (issue 11, recorded at commit 5ef5ce2 on the
 * project's 2-core AMD EPYC machine), with the fixture data folder written as {@code <data>}. The redesign had to
 * leave every row as it was: the same runs, configs, parameter counts, data labels and metrics for the same seeds (up to
 * rounding, see {@link #METRIC_TOLERANCE}). text8's LMU, LSTM and SSM metrics were re-recorded when their test BPC
 * began to carry the recurrent state across windows (issue 13); every other value is as recorded.
 */
final class TinyBaseline {

    private static final String RESOURCE = "tiny-baseline-results.csv";
    /**
     * The relative tolerance of a metric. The same code and seeds give the same metric up to rounding, and rounding
     * depends on things that are not the code: the mode AUTO times as faster on this machine and load (FFT or RAW:
     * the SSM's metrics moved by 1.4e-7 relative), and PyTorch's thread count (the transformer's).
     */
    private static final double METRIC_TOLERANCE = 1e-6;

    private TinyBaseline() {}

    /**
     * Writes the recorded results.csv into a directory, with {@code <data>} replaced by the fixture data folder.
     *
     * @param dataDir the fixture data folder of this test run
     * @param out the directory to write results.csv into
     * @return the directory
     */
    static RunDirectory writeTo(Path dataDir, Path out) throws IOException {
        String recorded;
        try (InputStream in = TinyBaseline.class.getResourceAsStream(RESOURCE)) {
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.csv"), recorded.replace("<data>", dataDir.toString()));
        return new RunDirectory(out);
    }

    /**
     * Asserts that a run's rows equal the recorded ones, field by field, except the machine-dependent ones (times,
     * versions, commit, timestamp).
     *
     * @param dataDir the fixture data folder of this test run
     * @param actual the rows of this run
     * @param scratch an empty folder for the recorded file
     */
    static void assertSameRows(Path dataDir, List<RunResult> actual, Path scratch) throws IOException {
        Map<RunKey, RunResult> expected = byKey(writeTo(dataDir, scratch).results().read());
        Map<RunKey, RunResult> measured = byKey(actual);
        assertEquals(expected.keySet(), measured.keySet(), "the same runs under the same config names");
        for (RunKey key : expected.keySet()) {
            RunResult e = expected.get(key);
            RunResult a = measured.get(key);
            assertEquals(e.parameters(), a.parameters(), key + " parameters");
            assertEquals(e.dataKind(), a.dataKind(), key + " data kind");
            assertEquals(e.dataSource(), a.dataSource(), key + " data source");
            assertEquals(e.dataChecksum(), a.dataChecksum(), key + " data checksum");
            assertEquals(e.splitSizes(), a.splitSizes(), key + " split sizes");
            assertEquals(e.metric(), a.metric(), key + " metric");
            assertEquals(e.metricValue(), a.metricValue(), METRIC_TOLERANCE * Math.abs(e.metricValue()),
                    key + " metric value");
            assertEquals(e.epochs(), a.epochs(), key + " epochs");
            assertEquals(e.bestEpoch(), a.bestEpoch(), key + " best epoch");
        }
    }

    private static Map<RunKey, RunResult> byKey(List<RunResult> rows) {
        return rows.stream().collect(Collectors.toMap(RunResult::key, Function.identity()));
    }
}
