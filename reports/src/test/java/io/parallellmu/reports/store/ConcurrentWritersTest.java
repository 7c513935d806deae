package io.parallellmu.reports.store;

import io.parallellmu.vocabulary.ModelFamily;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parallellmu.reports.Fixtures;
import io.parallellmu.reports.schema.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes appending to one results.csv, as two suites on one {@code --out} do: every row of
 * both must be there at the end.
 */
class ConcurrentWritersTest {

    private static final int ROWS = 30;

    @TempDir Path temp;

    /**
     * The writer process: appends {@code ROWS} runs with seeds from {@code first}, one write each.
     *
     * @param args the results file and the first seed
     * @throws IOException when a write fails
     */
    public static void main(String[] args) throws IOException {
        ResultsCsv results = new ResultsCsv(Paths.get(args[0]));
        long first = Long.parseLong(args[1]);
        for (long seed = first; seed < first + ROWS; seed++) {
            results.append(Fixtures.psmnist(ModelFamily.LMU, seed, 0.5));
        }
    }

    @Test
    void twoProcessesAppendingToOneFileLoseNoRow() throws Exception {
        Path file = temp.resolve("results.csv");
        List<Process> writers = new ArrayList<>();
        for (String first : List.of("1", "1001")) {
            writers.add(new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ConcurrentWritersTest.class.getName(),
                    file.toString(), first).inheritIO().start());
        }
        for (Process writer : writers) {
            assertEquals(0, writer.waitFor(), "a writer failed");
        }
        Set<Long> seeds = new TreeSet<>();
        for (RunResult run : new ResultsCsv(file).read()) {
            seeds.add(run.key().seed());
        }
        assertEquals(2 * ROWS, seeds.size(), "rows lost: only seeds " + seeds);
    }
}
