package io.parallellmu.benchmarks.suite;

import ai.djl.ndarray.NDManager;
import io.parallellmu.benchmarks.suite.RunEngine.PlannedRun;
import io.parallellmu.benchmarks.tasks.BenchmarkTask;
import io.parallellmu.benchmarks.tasks.Tasks;
import io.parallellmu.models.Family;
import io.parallellmu.reports.schema.ModelFamily;
import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.reports.schema.TaskId;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Executes one planned run by itself, as an engine's worker does: loads its task's data, checks that it fits,
 * trains it and returns its report instead of writing it. The plan's output directory is the worker's own scratch
 * directory: checkpoints go to {@code <out>/.checkpoints} (so a retried run resumes from its last epoch on the same
 * machine) and, with {@code --save-models}, the artifact to {@code <out>/models/<id>}, for the engine to send back.
 */
public final class SingleRun {

    private SingleRun() {}

    /**
     * Returns the run a plan gives a (task, family, seed).
     *
     * @param plan the plan
     * @param task the task
     * @param family the family
     * @param seed the seed
     * @return the run, with the profile's config for it
     */
    public static PlannedRun planned(SuitePlan plan, TaskId task, ModelFamily family, long seed) {
        RunConfig config = plan.profile().config(task, Family.valueOf(family.name()));
        return new PlannedRun(new RunKey(task, family, config.name(), seed), config);
    }

    /**
     * Returns where {@code --save-models} puts a run's artifact.
     *
     * @param plan the plan
     * @param key the run
     * @return {@code <out>/models/<task>-<family>-<profile>-seed<N>}
     */
    public static Path artifactDirectory(SuitePlan plan, RunKey key) {
        return new ModelSaver(plan.out(), plan.commandLine()).artifactDirectory(key, plan.profile().id());
    }

    /**
     * Executes one run.
     *
     * @param plan the plan, its output directory this worker's scratch directory
     * @param run the run
     * @param log where progress goes
     * @return how it ended
     * @throws IOException if the scratch directory cannot be written, or the run fails otherwise than diverging
     */
    public static RunReport execute(SuitePlan plan, PlannedRun run, PrintStream log) throws IOException {
        Files.createDirectories(plan.out());
        BenchmarkTask task = Tasks.of(run.key().task());
        RunSteps steps = new RunSteps(plan, log);
        try (NDManager manager = NDManager.newBaseManager(plan.device())) {
            RunSteps.Loaded loaded = steps.load(task, run.config(), manager);
            if (loaded.skip() != null) {
                return RunReport.skipped(run.key(), loaded.skip());
            }
            String tooLarge = steps.tooLarge(task, loaded.data(), run);
            if (tooLarge != null) {
                return RunReport.tooLarge(run.key(), tooLarge);
            }
            return steps.train(steps.trainer(TrainedModelListener.NONE), task, loaded.data(), run);
        }
    }
}
