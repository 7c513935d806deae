package io.parallellmu.reports.store;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.reports.Fixtures;
import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.reports.schema.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvTest {

    @TempDir Path dir;

    @Test
    void missingFileReadsAsEmpty() throws IOException {
        assertEquals(List.of(), new ResultsCsv(dir.resolve("none.csv")).read());
    }

    @Test
    void appendedRowsAccumulateAndReadBackEqual() throws IOException {
        ResultsCsv csv = new ResultsCsv(dir.resolve("results.csv"));
        RunResult lmu = Fixtures.psmnist(ModelFamily.LMU, 1, 0.9712);
        RunResult lstm = Fixtures.psmnist(ModelFamily.LSTM, 1, 0.8);
        csv.append(lmu);
        csv.append(lstm);
        assertEquals(List.of(lmu, lstm), csv.read());
        assertEquals(Set.of(lmu.key(), lstm.key()), csv.completedKeys());
        assertTrue(csv.contains(new RunKey(TaskId.PSMNIST, ModelFamily.LMU, "quick", 1)));
        assertFalse(csv.contains(new RunKey(TaskId.PSMNIST, ModelFamily.LMU, "quick", 2)));
        assertEquals(String.join(",", ResultsCsv.COLUMNS),
                Files.readAllLines(csv.path()).get(0));
    }

    @Test
    void rewritingAKeyReplacesItsRowInsteadOfDuplicating() throws IOException {
        ResultsCsv csv = new ResultsCsv(dir.resolve("results.csv"));
        csv.append(Fixtures.psmnist(ModelFamily.LMU, 1, 0.5));
        csv.append(Fixtures.psmnist(ModelFamily.LSTM, 1, 0.6));
        RunResult rerun = Fixtures.psmnist(ModelFamily.LMU, 1, 0.7);
        csv.append(rerun);
        List<RunResult> rows = csv.read();
        assertEquals(2, rows.size());
        assertEquals(rerun, rows.get(1));
        assertEquals(3, Files.readAllLines(csv.path()).size());
    }

    @Test
    void appendLeavesNoTemporaryFiles() throws IOException {
        ResultsCsv csv = new ResultsCsv(dir.resolve("results.csv"));
        csv.append(Fixtures.psmnist(ModelFamily.LMU, 1, 0.5));
        csv.append(Fixtures.psmnist(ModelFamily.LMU, 2, 0.5));
        try (Stream<Path> files = Files.list(dir)) {
            // The lock file stays in place on purpose: deleting it would let two writers lock different files.
            assertEquals(List.of(csv.path()),
                    files.filter(f -> !f.getFileName().toString().equals(".results.csv.lock")).toList());
        }
    }
}
