package io.parallellmu.benchmarks.suite;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.TranslateException;
import io.parallellmu.benchmarks.suite.RunEngine.PlannedRun;
import io.parallellmu.benchmarks.tasks.BenchmarkTask;
import io.parallellmu.benchmarks.tasks.DataRequest;
import io.parallellmu.benchmarks.tasks.TaskData;
import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.reports.schema.FailedRun;
import io.parallellmu.reports.schema.SkippedTask;
import io.parallellmu.train.NonFiniteLossException;
import java.io.IOException;
import java.io.PrintStream;

/** The steps of one run that the suite's own loop and {@link SingleRun} share: load, check it fits, train. */
final class RunSteps {

    private final SuitePlan plan;
    private final PrintStream log;

    RunSteps(SuitePlan plan, PrintStream log) {
        this.plan = plan;
        this.log = log;
    }

    /** Returns the trainer for this plan's runs, checkpointing under {@code <out>/.checkpoints}. */
    RunTrainer trainer(TrainedModelListener onTrained) {
        return new RunTrainer(plan.device(), EnvironmentProbe.environment(plan.device()),
                plan.out().resolve(".checkpoints"),
                plan.saveModels() ? new ModelSaver(plan.out(), plan.commandLine()) : null, onTrained,
                plan.keepCheckpoints());
    }

    /**
     * Loads a task's data for its first pending run's settings.
     *
     * @return the data, or why the task is skipped when it could not be had
     */
    Loaded load(BenchmarkTask task, RunConfig config, NDManager manager) {
        try {
            return new Loaded(task.load(new DataRequest(plan.dataDir(), plan.source(), config.settings(), manager, log)),
                    null);
        } catch (IOException | RuntimeException e) {
            // Any failure while preparing one task's data skips that task; the suite goes on.
            String why = e instanceof DataFormatException
                    ? "the data is there but damaged: " + e.getMessage()
                    : "data could not be had: " + (e instanceof IOException ? e.getMessage() : e.toString());
            return new Loaded(null, new SkippedTask(task.id(), why, task.official().howToProvide(plan.dataDir())));
        }
    }

    /** For the profiles whose runs may not fit in memory, predicts a run's need; returns why it is too much, or null. */
    String tooLarge(BenchmarkTask task, TaskData data, PlannedRun run) {
        if (!plan.profile().probesMemory()) {
            return null;
        }
        RunProbe probe = new RunProbe(plan.device());
        long need = probe.predictedPeakBytes(task, data, run.config());
        return need <= probe.limitBytes() ? null : RunEstimate.skipReason(need, probe.limitBytes());
    }

    /**
     * Trains one run, resuming from its checkpoint when an earlier attempt left one; a diverged run is reported
     * failed with its epoch and reason.
     */
    RunReport train(RunTrainer trainer, BenchmarkTask task, TaskData data, PlannedRun run) throws IOException {
        trainer.resumesAfter(run.config(), run.key()).ifPresent(epochs -> log.printf(
                "resuming %s from its checkpoint after epoch %d%n", run.key(), epochs));
        try {
            return RunReport.finished(run.key(), trainer.run(task, data, run.config(), run.key()));
        } catch (NonFiniteLossException e) {
            return RunReport.failed(new FailedRun(run.key(), e.epoch(), "diverged: " + e.getMessage()));
        } catch (TranslateException | MalformedModelException e) {
            throw new IOException(run.key() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A task's data, or why it could not be had.
     *
     * @param data the data, or null
     * @param skip why the task is skipped, or null
     */
    record Loaded(TaskData data, SkippedTask skip) {}
}
