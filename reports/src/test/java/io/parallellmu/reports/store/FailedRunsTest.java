package io.parallellmu.reports.store;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.reports.Fixtures;
import io.parallellmu.reports.markdown.MarkdownReport;
import io.parallellmu.reports.markdown.ReportCharts;
import io.parallellmu.reports.schema.FailedRun;
import io.parallellmu.reports.schema.RunKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A diverged run is kept in failed.csv with its epoch and reason, and the report shows it. */
class FailedRunsTest {

    @TempDir Path temp;

    private static final RunKey KEY = new RunKey(TaskId.PSMNIST, ModelFamily.LSTM, "quick", 3);

    @Test
    void failedRunsRoundTripAndAppearInTheReport() throws IOException {
        RunDirectory dir = new RunDirectory(temp);
        FailedRun failed = new FailedRun(KEY, 2, "diverged: step 17: the training loss is NaN");
        dir.failed().append(failed);
        dir.results().append(Fixtures.psmnist(ModelFamily.LMU, 1, 0.9));

        assertEquals(List.of(failed), dir.failed().read());
        String report = MarkdownReport.render(dir.readInputs(), PaperResults.bundled(), ReportCharts.NONE);
        assertTrue(report.contains("## Failed runs"), report);
        assertTrue(report.contains("the training loss is NaN") && report.matches("(?s).*seed=3 *\\| *2 *\\|.*"), report);

        dir.failed().remove(KEY);
        assertFalse(MarkdownReport.render(dir.readInputs(), PaperResults.bundled(), ReportCharts.NONE).contains("## Failed runs"));
    }
}
