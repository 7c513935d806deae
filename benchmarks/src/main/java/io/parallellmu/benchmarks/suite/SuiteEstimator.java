package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import ai.djl.ndarray.NDManager;
import io.parallellmu.benchmarks.tasks.BenchmarkTask;
import io.parallellmu.benchmarks.tasks.DataRequest;
import io.parallellmu.benchmarks.tasks.TaskData;
import io.parallellmu.benchmarks.tasks.Tasks;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code suite --estimate}: what a {@link SuitePlan} would cost, before it runs. Per task it loads the data as the
 * suite would; per planned (task, family) it builds the model at full size and measures it with {@link RunProbe}
 * (a few training steps after warm-up on real batches, validation and test timed on a prefix), then prints one
 * table with the predicted wall time of each run and in all. It trains nothing to the end and writes no results.
 */
final class SuiteEstimator {

    private final SuitePlan plan;
    private final PrintStream out;

    SuiteEstimator(SuitePlan plan, PrintStream out) {
        this.plan = plan;
        this.out = out;
    }

    /**
     * Measures every planned run and prints the table.
     *
     * @return the estimates, in plan order
     * @throws IOException if a task's data cannot be had
     */
    List<RunEstimate> run() throws IOException {
        RunProbe probe = new RunProbe(plan.device());
        List<RunEstimate> estimates = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (TaskId id : plan.tasks()) {
            BenchmarkTask task = Tasks.of(id);
            List<ModelFamily> families = task.families().stream().filter(plan.families()::contains).toList();
            if (families.isEmpty()) {
                continue;
            }
            try (NDManager manager = NDManager.newBaseManager(plan.device())) {
                TaskData data = task.load(new DataRequest(plan.dataDir(), plan.source(),
                        plan.profile().config(id, families.get(0)).settings(), manager, out));
                for (ModelFamily family : families) {
                    String run = id.id() + "/" + family.id();
                    RunEstimate estimate = probe.estimate(task, data, plan.profile().config(id, family), run);
                    estimates.add(estimate);
                    rows.add(row(estimate));
                    out.println("estimated " + rows.get(rows.size() - 1)); // at once: a long estimate shows progress
                }
            }
        }
        out.printf(Locale.ROOT, "%nEstimate: profile %s on %s, memory limit %s%n", plan.profile().id(),
                EnvironmentProbe.machine(), RunEstimate.gigabytes(probe.limitBytes()));
        out.println("| run | parameters | s/step | steps/epoch | epochs | eval s/epoch | test s | predicted | peak memory |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(out::println);
        double total = estimates.stream().filter(RunEstimate::fits).mapToDouble(RunEstimate::predictedSeconds).sum();
        int seeds = plan.seeds().size();
        out.printf(Locale.ROOT, "| total (%d seed%s) | | | | | | | %s | |%n", seeds, seeds == 1 ? "" : "s",
                SuiteProgress.format(total * seeds));
        return estimates;
    }

    private static String row(RunEstimate e) {
        if (!e.fits()) {
            return String.format(Locale.ROOT, "| %s | %,d | - | %,d | %d | - | - | skipped: %s | %s |", e.run(),
                    e.parameters(), e.stepsPerEpoch(), e.epochs(), e.skipReason(), RunEstimate.gigabytes(e.peakBytes()));
        }
        return String.format(Locale.ROOT, "| %s | %,d | %.3f | %,d | %d | %.1f | %.1f | %s | %s |", e.run(),
                e.parameters(), e.secondsPerStep(), e.stepsPerEpoch(), e.epochs(), e.validationSeconds(),
                e.testSeconds(), SuiteProgress.format(e.predictedSeconds()), RunEstimate.gigabytes(e.peakBytes()));
    }
}
