package io.parallellmu.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parallellmu.reports.cli.CompareCommand;
import io.parallellmu.reports.compare.RunComparison;
import io.parallellmu.reports.markdown.SummaryTable;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.reports.store.PaperResults;
import io.parallellmu.reports.store.ResultsCsv;
import io.parallellmu.reports.store.RunDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The summary table and the compare output of two fixed suites, written to CSV and read back,
 * checked character for character against text worked out by hand (test resources, golden/).
 */
class GoldenOutputTest {

    @TempDir Path dir;

    private ResultsCsv a;
    private ResultsCsv b;

    @Test
    void summaryTableMatchesTheHandWorkedGolden() throws IOException {
        RunDirectory suite = new RunDirectory(dir);
        suite.results().appendAll(GoldenRuns.suiteA());
        suite.skipped().appendAll(GoldenRuns.skippedA());
        String summary = SummaryTable.render(suite.results().read(), suite.skipped().read(),
                PaperResults.bundled());
        assertEquals(golden("summary.md"), summary);
    }

    @Test
    void summaryDoesNotDependOnRowOrder() throws IOException {
        List<RunResult> shuffled = new ArrayList<>(GoldenRuns.suiteA());
        Collections.reverse(shuffled);
        assertEquals(golden("summary.md"),
                SummaryTable.render(shuffled, GoldenRuns.skippedA(), PaperResults.bundled()));
    }

    @Test
    void compareMatchesTheHandWorkedGolden() throws IOException {
        writeBothSuites();
        assertEquals(golden("compare.txt"), RunComparison.render(
                RunComparison.compare(a.read(), b.read()), "A.csv", "B.csv"));
    }

    @Test
    void compareCommandPrintsTheSameComparison() throws IOException {
        writeBothSuites();
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new CompareCommand());
        command.setOut(new PrintWriter(out));
        int exit = command.execute(a.path().toString(), b.path().toString());
        assertEquals(0, exit);
        assertEquals(golden("compare.txt")
                        .replace("A: A.csv", "A: " + a.path())
                        .replace("B: B.csv", "B: " + b.path()),
                out.toString());
    }

    private void writeBothSuites() throws IOException {
        a = new ResultsCsv(dir.resolve("A.csv"));
        b = new ResultsCsv(dir.resolve("B.csv"));
        a.appendAll(GoldenRuns.suiteA());
        b.appendAll(GoldenRuns.suiteB());
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = GoldenOutputTest.class.getResourceAsStream("golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
