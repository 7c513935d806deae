package io.parallellmu.benchmarks.suite;

import ai.djl.ndarray.NDManager;
import io.parallellmu.benchmarks.suite.RunEngine.PlannedRun;
import io.parallellmu.benchmarks.tasks.BenchmarkTask;
import io.parallellmu.benchmarks.tasks.Tasks;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.vocabulary.TaskId;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Executes one planned run by itself, as an engine's worker does: loads its task's data, checks that it fits,
 * trains it and returns its report instead of writing it. The task's data stays loaded for the next run of the same
 * task and data settings in this JVM (one run at a time: DJL trains one model per JVM). The plan's output directory is the worker's own scratch
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
        RunConfig config = plan.profile().config(task, family);
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
    public static synchronized RunReport execute(SuitePlan plan, PlannedRun run, PrintStream log)
            throws IOException {
        Files.createDirectories(plan.out());
        BenchmarkTask task = Tasks.of(run.key().task());
        RunSteps steps = new RunSteps(plan, log);
        RunSteps.Loaded loaded = LoadedData.get(plan, task, run.config(), steps);
        if (loaded.skip() != null) {
            return RunReport.skipped(run.key(), loaded.skip());
        }
        String tooLarge = steps.tooLarge(task, loaded.data(), run);
        if (tooLarge != null) {
            return RunReport.tooLarge(run.key(), tooLarge);
        }
        return steps.train(steps.trainer(TrainedModelListener.NONE), task, loaded.data(), run);
    }

    /**
     * The last task's data, kept for the worker's next run: an engine hands a worker the runs of one task one after
     * another, and the suite's own loop too loads each task's data once for all its runs.
     */
    private static final class LoadedData {

        private static NDManager manager;
        private static SuitePlan loadedFor;
        private static RunConfig config;
        private static RunSteps.Loaded loaded;

        static RunSteps.Loaded get(SuitePlan plan, BenchmarkTask task, RunConfig wanted, RunSteps steps) {
            if (loaded == null || !loadedFor.tasks().equals(plan.tasks()) || !loadedFor.dataDir().equals(plan.dataDir())
                    || loadedFor.source() != plan.source() || !loadedFor.device().equals(plan.device())
                    || !config.settings().sameData(wanted.settings()) || loaded.skip() != null) {
                if (manager != null) {
                    manager.close();
                }
                manager = NDManager.newBaseManager(plan.device());
                loadedFor = plan;
                config = wanted;
                loaded = steps.load(task, wanted, manager);
            }
            return loaded;
        }
    }
}
