package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.TaskId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.reports.store.RunDirectory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite killed after some runs resumes without repeating or duplicating any of them. */
class SuiteResumeTest {

    @TempDir
    Path temp;

    @Test
    void rerunAfterAKillRunsOnlyWhatIsMissing() throws Exception {
        Path data = temp.resolve("data");
        OfficialFixtures.writeAll(data);
        Path out = temp.resolve("out");
        SuitePlan plan = TinySuites.plan(List.of(TaskId.PSMNIST, TaskId.MACKEY_GLASS), data, out, false);
        AtomicInteger recorded = new AtomicInteger();

        assertThrows(SimulatedKill.class, () -> new SuiteRunner(plan, System.out).run(result -> {
            if (recorded.incrementAndGet() == 3) {
                throw new SimulatedKill();
            }
        }));
        RunDirectory dir = new RunDirectory(out);
        Map<RunKey, Instant> beforeResume = timestamps(dir.results().read());
        assertEquals(3, beforeResume.size(), "the three finished runs were recorded at once");

        SuiteSummary resumed = new SuiteRunner(plan, System.out).run();

        assertEquals(3, resumed.alreadyDone());
        assertEquals(7, resumed.finished(), "only the seven missing runs ran (2 tasks × 5 families, 3 done)");
        List<RunResult> results = dir.results().read();
        assertEquals(10, results.size(), "no duplicates");
        Map<RunKey, Instant> afterResume = timestamps(results);
        beforeResume.forEach((key, time) -> assertEquals(time, afterResume.get(key), key + " was not rerun"));

        SuiteSummary again = new SuiteRunner(plan, System.out).run();
        assertEquals(0, again.finished());
        assertEquals(10, again.alreadyDone());
        assertEquals(afterResume, timestamps(dir.results().read()));
    }

    private static Map<RunKey, Instant> timestamps(List<RunResult> results) {
        return results.stream().collect(Collectors.toMap(RunResult::key, RunResult::timestamp));
    }

    /** Stands for the process being killed between two runs. */
    private static final class SimulatedKill extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
