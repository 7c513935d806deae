package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code suite --estimate}: one measured row per planned run, the total, nothing written; too large runs named. */
class SuiteEstimatorTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private List<RunEstimate> estimate(List<TaskId> tasks, List<ModelFamily> families) throws Exception {
        Path data = temp.resolve("data");
        OfficialFixtures.writeAll(data);
        SuitePlan plan = TinySuites.plan(tasks, families, data, temp.resolve("out"), false);
        return new SuiteEstimator(plan, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
    }

    @Test
    void measuresEveryPlannedRunAndWritesNoResults() throws Exception {
        // each run is timed for some seconds, so one family: the three ways of testing (plain, decoding, context)
        List<RunEstimate> estimates = estimate(List.of(TaskId.PSMNIST, TaskId.IWSLT15_EN_VI, TaskId.TEXT8),
                List.of(ModelFamily.LMU));

        assertEquals(3, estimates.size(), "one run per task");
        String table = printed.toString(StandardCharsets.UTF_8);
        for (RunEstimate e : estimates) {
            assertTrue(e.fits(), e.run());
            assertTrue(e.parameters() > 0 && e.secondsPerStep() > 0 && e.peakBytes() > 0, e.toString());
            assertTrue(e.testSeconds() > 0 && e.validationSeconds() > 0, e.toString());
            assertEquals(e.epochs() * (e.stepsPerEpoch() * e.secondsPerStep() + e.validationSeconds())
                    + e.testSeconds(), e.predictedSeconds(), 1e-9);
            assertTrue(table.contains("| " + e.run() + " | "), "the table lacks " + e.run() + ":\n" + table);
        }
        assertTrue(table.contains("| total (1 seed) |"), table);
        assertFalse(Files.exists(temp.resolve("out")), "an estimate writes nothing");
    }

    @Test
    void runsBeyondTheMemoryLimitAreNamedWithWhatTheyNeed() throws Exception {
        String previous = System.getProperty("plmu.memoryLimitGiB");
        System.setProperty("plmu.memoryLimitGiB", "0.001"); // 1 MiB: no run fits
        try {
            List<RunEstimate> estimates = estimate(List.of(TaskId.MACKEY_GLASS), List.of(ModelFamily.values()));
            assertEquals(ModelFamily.values().length, estimates.size(), "every family of Mackey-Glass");
            String table = printed.toString(StandardCharsets.UTF_8);
            for (RunEstimate e : estimates) {
                assertFalse(e.fits(), e.run());
                assertTrue(e.peakBytes() > e.limitBytes(), e.toString());
                assertTrue(Double.isNaN(e.predictedSeconds()), "nothing timed: " + e);
                assertTrue(table.contains("skipped: needs about"), table);
            }
        } finally {
            if (previous == null) {
                System.clearProperty("plmu.memoryLimitGiB");
            } else {
                System.setProperty("plmu.memoryLimitGiB", previous);
            }
        }
    }
}
