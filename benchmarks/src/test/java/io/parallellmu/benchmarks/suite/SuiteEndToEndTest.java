package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.DataKind;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.benchmarks.tasks.Tasks;
import io.parallellmu.reports.schema.LearningCurvePoint;
import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.reports.store.RunDirectory;
import io.parallellmu.zoo.ModelArtifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tiny profile over all seven tasks on official-layout fixtures: every row, every table, every model. */
class SuiteEndToEndTest {

    @TempDir
    Path temp;

    @Test
    void runsEveryTaskAndFamilyAndReportsThem() throws Exception {
        Path data = temp.resolve("data");
        OfficialFixtures.writeAll(data);
        Path out = temp.resolve("out");

        SuiteSummary summary = new SuiteRunner(TinySuites.plan(List.of(TaskId.values()), data, out, true),
                System.out).run();

        Set<String> expected = new HashSet<>();
        for (TaskId task : TaskId.values()) {
            for (ModelFamily family : Tasks.of(task).families()) {
                expected.add(task.id() + "/" + family.id());
            }
        }
        assertEquals(30, expected.size(), "psMNIST and Mackey-Glass with 5 families, five tasks with 4");
        RunDirectory dir = new RunDirectory(out);
        List<RunResult> results = dir.results().read();
        assertEquals(expected, results.stream().map(r -> r.task().id() + "/" + r.model().id())
                .collect(Collectors.toSet()));
        assertEquals(30, results.size(), "one row per run, no duplicates");
        assertEquals(30, summary.finished());
        assertTrue(summary.skipped().isEmpty(), "no task skipped: " + summary.skipped());
        for (RunResult r : results) {
            assertEquals(DataKind.OFFICIAL, r.dataKind(), r.key() + " ran on the official-layout fixtures");
            assertTrue(Double.isFinite(r.metricValue()), r.key() + " metric " + r.metricValue());
            int epochs = Profile.TINY.config(r.task(), r.model()).settings().epochs();
            assertTrue(r.parameters() > 0 && r.stepsPerSecond() > 0 && r.epochs() == epochs && r.bestEpoch() >= 1
                    && r.bestEpoch() <= epochs, r.toString());
            assertTrue(r.splitSizes().sizes().containsKey("train-used"), r.splitSizes().toString());
            assertTrue(r.config().startsWith("tiny "), r.config());
            assertFalse(r.gitCommit().isBlank());
        }
        TinyBaseline.assertSameRows(data, results, temp.resolve("recorded"));
        Set<RunKey> curved = dir.curves().read().stream().map(LearningCurvePoint::run).collect(Collectors.toSet());
        assertEquals(results.stream().map(RunResult::key).collect(Collectors.toSet()), curved);

        String report = Files.readString(dir.report());
        for (String heading : List.of("## Summary", "## Tasks", "## Provenance", "plmu suite --profile tiny (test)")) {
            assertTrue(report.contains(heading), "report.md lacks " + heading);
        }
        assertTrue(report.contains("exec:java -Dexec.args=\"suite --profile tiny (test)\""),
                "the reproduce line gives exec:java the arguments, not the program's name");
        for (TaskId task : TaskId.values()) {
            assertTrue(report.contains("### " + task.displayName()), "report.md lacks the table of " + task);
            assertTrue(Files.size(dir.charts().resolve(task.id() + "-loss.png")) > 0, task + " loss chart");
        }
        for (RunResult r : results) {
            ModelArtifact artifact = ModelArtifact.read(out.resolve("models").resolve(r.task().id() + "-"
                    + r.model().id() + "-tiny-seed0"));
            assertEquals(r.parameters(), artifact.card().parameterCount(), r.key() + " artifact");
            assertEquals(r.metricValue(), artifact.card().metricValue(), r.key() + " card metric");
        }
    }

    @Test
    void aResultsFileWrittenBeforeTheRedesignIsRecognisedAndNothingReruns() throws Exception {
        Path data = temp.resolve("data");
        OfficialFixtures.writeAll(data);
        Path out = temp.resolve("out");
        RunDirectory dir = TinyBaseline.writeTo(data, out);
        List<RunResult> before = dir.results().read();

        SuiteSummary summary = new SuiteRunner(TinySuites.plan(List.of(TaskId.values()), data, out, false),
                System.out).run();

        assertEquals(0, summary.finished(), "no run was trained again");
        assertEquals(30, summary.alreadyDone(), "every recorded run was recognised as done");
        assertEquals(before, dir.results().read(), "results.csv is untouched");
        assertTrue(Files.readString(dir.report()).contains(
                        "Test evaluation of " + Tasks.of(TaskId.TEXT8).testEvaluation().orElseThrow()),
                "the report's provenance says how text8's test BPC is computed for each family");
    }
}
