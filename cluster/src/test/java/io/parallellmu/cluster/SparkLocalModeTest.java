package io.parallellmu.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.parallellmu.benchmarks.suite.Profile;
import io.parallellmu.benchmarks.suite.SuitePlan;
import io.parallellmu.benchmarks.suite.SuiteRunner;
import io.parallellmu.benchmarks.suite.SuiteSummary;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.reports.schema.LearningCurvePoint;
import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.reports.store.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tiny profile's Mackey-Glass grid (generated data, no download) through {@code --engine spark} in local mode
 * gives the rows, metrics, curves and artifacts of the same grid run in this JVM's own loop, and a rerun skips it.
 */
class SparkLocalModeTest {

    static final List<ModelFamily> FAMILIES = List.of(ModelFamily.LMU, ModelFamily.LSTM);

    @TempDir
    Path temp;

    @Test
    void sparkLocalModeGivesTheLocalRunsResults() throws Exception {
        SuiteSummary local = new SuiteRunner(plan(temp.resolve("local")), System.out).run();
        SuiteSummary spark = new SuiteRunner(plan(temp.resolve("spark")), System.out, new SparkEngine(null, 1)).run();

        assertEquals(FAMILIES.size(), local.finished());
        assertEquals(FAMILIES.size(), spark.finished());
        assertSameResults(temp.resolve("local"), temp.resolve("spark"));
        for (Path out : List.of(temp.resolve("local"), temp.resolve("spark"))) {
            for (ModelFamily family : FAMILIES) {
                String id = "mackey-glass-" + family.name().toLowerCase().replace('_', '-') + "-tiny-seed0";
                assertTrue(Files.isRegularFile(out.resolve("models").resolve(id).resolve(id + "-0000.params")),
                        out + ": the artifact of " + id);
            }
            assertTrue(Files.isRegularFile(out.resolve("report.md")));
        }
        assertEquals(Files.readAllBytes(temp.resolve("local/models/mackey-glass-lmu-tiny-seed0/"
                        + "mackey-glass-lmu-tiny-seed0-0000.params")).length,
                Files.readAllBytes(temp.resolve("spark/models/mackey-glass-lmu-tiny-seed0/"
                        + "mackey-glass-lmu-tiny-seed0-0000.params")).length);

        SuiteSummary rerun = new SuiteRunner(plan(temp.resolve("spark")), System.out, new SparkEngine(null, 1)).run();
        assertEquals(0, rerun.finished());
        assertEquals(FAMILIES.size(), rerun.alreadyDone(), "a rerun skips the finished runs");
        assertEquals(FAMILIES.size(), new RunDirectory(temp.resolve("spark")).results().read().size());
    }

    @Test
    void aRunThatFailsOnEveryAttemptIsRecordedFailedAndTheOthersGoOn() throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("scratch-is-a-file"), "");
        System.setProperty(RemoteRun.SCRATCH, notADirectory.toString()); // every attempt of every run throws
        SuiteSummary summary;
        try {
            summary = new SuiteRunner(plan(temp.resolve("failing")), System.out, new SparkEngine(null, 1)).run();
        } finally {
            System.clearProperty(RemoteRun.SCRATCH);
        }
        assertEquals(0, summary.finished());
        assertEquals(FAMILIES.size(), summary.failed(), "each run failed on its own, after the one before it");
        RunDirectory out = new RunDirectory(temp.resolve("failing"));
        assertTrue(out.results().read().isEmpty());
        List<String> reasons = out.failed().read().stream().map(f -> f.reason()).toList();
        assertEquals(FAMILIES.size(), reasons.size());
        for (String reason : reasons) {
            assertTrue(reason.startsWith("Spark: ") && reason.contains("failed 4 times")
                    && reason.contains(notADirectory.getFileName().toString()), reason);
        }
        String report = Files.readString(temp.resolve("failing/report.md"));
        assertTrue(report.contains("## Failed runs") && report.contains("failed 4 times"), "the report says why");
    }

    /** The same rows (every field but the timings and timestamp equal) and the same learning curves. */
    static void assertSameResults(Path expectedOut, Path actualOut) throws Exception {
        Map<RunKey, RunResult> expected = byKey(expectedOut);
        Map<RunKey, RunResult> actual = byKey(actualOut);
        assertEquals(expected.keySet(), actual.keySet());
        for (RunKey key : expected.keySet()) {
            RunResult e = expected.get(key);
            RunResult a = actual.get(key);
            assertEquals(e.metricValue(), a.metricValue(), 0.0, key + " metric");
            assertEquals(List.of(e.parameters(), e.epochs(), e.bestEpoch(), e.dataKind(), e.dataChecksum(),
                    e.splitSizes(), e.metric(), e.device(), e.cpuModel()), List.of(a.parameters(), a.epochs(),
                    a.bestEpoch(), a.dataKind(), a.dataChecksum(), a.splitSizes(), a.metric(), a.device(),
                    a.cpuModel()), key.toString());
        }
        assertEquals(curves(expectedOut), curves(actualOut), "every epoch's losses and metrics");
    }

    private static Map<RunKey, RunResult> byKey(Path out) throws Exception {
        List<RunResult> rows = new RunDirectory(out).results().read();
        Map<RunKey, RunResult> byKey = rows.stream().collect(Collectors.toMap(RunResult::key, Function.identity()));
        assertEquals(rows.size(), byKey.size(), out + ": one row per run");
        return byKey;
    }

    private static List<String> curves(Path out) throws Exception {
        return new RunDirectory(out).curves().read().stream().map(SparkLocalModeTest::describe).sorted().toList();
    }

    private static String describe(LearningCurvePoint p) {
        return p.task() + " " + p.model() + " " + p.seed() + " " + p.epoch() + " " + p.split() + " " + p.metric()
                + " " + p.value();
    }

    private SuitePlan plan(Path out) {
        return new SuitePlan(Profile.TINY, List.of(TaskId.MACKEY_GLASS), FAMILIES, List.of(0L), Device.cpu(),
                temp.resolve("data"), DataSource.AUTO, out, 0, false, true, "plmu suite --profile tiny (test)");
    }
}
