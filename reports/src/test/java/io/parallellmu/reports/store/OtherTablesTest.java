package io.parallellmu.reports.store;

import io.parallellmu.vocabulary.Split;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parallellmu.reports.schema.LearningCurvePoint;
import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.reports.schema.SkippedTask;
import io.parallellmu.reports.schema.SpeedKey;
import io.parallellmu.reports.schema.SpeedResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips and keyed replacement for curves.csv, speed.csv and skipped.csv. */
class OtherTablesTest {

    private static final RunKey RUN = new RunKey(TaskId.SNLI, ModelFamily.LMU, "quick", 1);
    private static final RunKey OTHER = new RunKey(TaskId.SNLI, ModelFamily.LSTM, "quick", 1);

    @TempDir Path dir;

    @Test
    void rerunCurveReplacesTheWholeOldCurve() throws IOException {
        CurvesCsv csv = new RunDirectory(dir).curves();
        csv.replaceRun(RUN, List.of(point(RUN, 1, 0.4), point(RUN, 2, 0.5), point(RUN, 3, 0.6)));
        csv.replaceRun(OTHER, List.of(point(OTHER, 1, 0.3)));
        List<LearningCurvePoint> rerun = List.of(point(RUN, 1, 0.45), point(RUN, 2, 0.55));
        csv.replaceRun(RUN, rerun);
        assertEquals(List.of(point(OTHER, 1, 0.3), rerun.get(0), rerun.get(1)), csv.read());
    }

    @Test
    void curveOfAnotherRunIsRefused() {
        CurvesCsv csv = new RunDirectory(dir).curves();
        assertThrows(IllegalArgumentException.class,
                () -> csv.replaceRun(RUN, List.of(point(OTHER, 1, 0.3))));
    }

    @Test
    void speedRowsKeepEmptyCellsForWhatWasNotMeasured() throws IOException {
        SpeedCsv csv = new RunDirectory(dir).speed();
        SpeedResult recurrent = SpeedResult.measured(
                new SpeedKey("lmu-final", "RECURRENT", 784, 100), 166_092, 2.0e9, 2, 1.25,
                OptionalLong.empty(), 1L << 27, "only 2 timed steps (slow)");
        SpeedResult matmul = SpeedResult.measured(
                new SpeedKey("lmu-final", "MATMUL", 784, 100), 166_092, 2.5e8, 5, 0.005,
                OptionalLong.of(1L << 30), 1L << 28, "").withSpeedupOver(1.25);
        SpeedResult skipped = SpeedResult.skipped(
                new SpeedKey("lmu-final", "RECURRENT", 4096, 100), 166_092, 1e10, "budget", "");
        csv.appendAll(List.of(recurrent, matmul, skipped));
        assertEquals(List.of(recurrent, matmul, skipped), csv.read());
        assertEquals("lmu-final,RECURRENT,4096,100,166092,0,,1.0E10,,,,,skipped: budget,",
                Files.readAllLines(csv.path()).get(3));
    }

    @Test
    void skippedTaskIsRemovedWhenItLaterRuns() throws IOException {
        SkippedCsv csv = new RunDirectory(dir).skipped();
        SkippedTask imdb = new SkippedTask(TaskId.IMDB, "official data missing",
                "put aclImdb/ under the data directory, or run without --data official");
        SkippedTask qqp = new SkippedTask(TaskId.QQP, "r", "h");
        csv.appendAll(List.of(imdb, qqp));
        csv.remove(TaskId.IMDB);
        assertEquals(List.of(qqp), csv.read());
    }

    private static LearningCurvePoint point(RunKey run, int epoch, double value) {
        return LearningCurvePoint.of(run, epoch, Split.VALIDATION, "accuracy", value);
    }
}
