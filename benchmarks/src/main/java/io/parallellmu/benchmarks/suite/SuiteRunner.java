package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.TranslateException;
import io.parallellmu.benchmarks.tasks.BenchmarkTask;
import io.parallellmu.benchmarks.tasks.DataRequest;
import io.parallellmu.benchmarks.tasks.TaskData;
import io.parallellmu.benchmarks.tasks.Tasks;
import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.reports.ReportGenerator;
import io.parallellmu.reports.schema.FailedRun;
import io.parallellmu.reports.schema.Provenance;
import io.parallellmu.reports.schema.RunEnvironment;
import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.reports.schema.SkippedTask;
import io.parallellmu.reports.store.ProvenanceJson;
import io.parallellmu.reports.store.RunDirectory;
import io.parallellmu.train.NonFiniteLossException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a {@link SuitePlan}: per task, loads the data once (or records the task as skipped, with how to provide
 * the data), then trains each pending (family, seed) run and appends its result and curves at once, atomically; a
 * rerun skips every run already in results.csv unless forced and continues the run that was in progress from its
 * last epoch's checkpoint ({@link RunTrainer}), so an interrupted suite loses at most one epoch. Finally it writes provenance.json and the report with its charts.
 */
public final class SuiteRunner {

    private final SuitePlan plan;
    private final PrintStream log;
    private final RunDirectory out;

    /**
     * Creates the runner.
     *
     * @param plan what to run
     * @param log where progress goes
     */
    public SuiteRunner(SuitePlan plan, PrintStream log) {
        this.plan = plan;
        this.log = log;
        this.out = new RunDirectory(plan.out());
    }

    /**
     * Runs the plan.
     *
     * @return what was done
     * @throws IOException if the data or an output file cannot be read or written
     */
    public SuiteSummary run() throws IOException {
        return run(result -> {});
    }

    /**
     * Runs the plan, calling back after each run has been recorded.
     *
     * @param afterEachRun called with each new result once it is in results.csv
     * @return what was done
     * @throws IOException if the data or an output file cannot be read or written
     */
    public SuiteSummary run(Consumer<RunResult> afterEachRun) throws IOException {
        return run(afterEachRun, TrainedModelListener.NONE);
    }

    /**
     * Runs the plan, showing each trained model to a listener before it is closed and calling back after each run
     * has been recorded.
     *
     * @param afterEachRun called with each new result once it is in results.csv
     * @param onTrained sees each trained model (after its artifact is written, with {@code --save-models})
     * @return what was done
     * @throws IOException if the data or an output file cannot be read or written
     */
    public SuiteSummary run(Consumer<RunResult> afterEachRun, TrainedModelListener onTrained) throws IOException {
        Files.createDirectories(plan.out());
        Set<RunKey> completed = out.results().completedKeys();
        List<PendingTask> pending = new ArrayList<>();
        int alreadyDone = 0;
        for (TaskId id : plan.tasks()) {
            PendingTask task = new PendingTask(Tasks.of(id), new ArrayList<>());
            for (ModelFamily family : task.definition().families()) {
                if (!plan.families().contains(family)) {
                    continue;
                }
                RunConfig config = plan.profile().config(id, family);
                if (!task.runs().isEmpty() && !task.runs().get(0).config().settings().sameData(config.settings())) {
                    throw new IllegalStateException("profile " + plan.profile().id() + " gives the families of " + id.id()
                            + " different data settings; one loaded copy must serve them all");
                }
                for (long seed : plan.seeds()) {
                    RunKey key = new RunKey(id, family, config.name(), seed);
                    if (completed.contains(key) && !plan.force()) {
                        alreadyDone++;
                    } else {
                        task.runs().add(new PendingRun(key, config));
                    }
                }
            }
            pending.add(task);
        }
        int total = pending.stream().mapToInt(t -> t.runs().size()).sum();
        log.printf("Suite: profile %s, %d runs to do, %d already in %s%n", plan.profile().id(), total, alreadyDone,
                out.results().path());
        SuiteProgress progress = new SuiteProgress(log, total);
        RunEnvironment environment = EnvironmentProbe.environment(plan.device());
        RunTrainer trainer = new RunTrainer(plan.device(), environment, plan.out().resolve(".checkpoints"),
                plan.saveModels() ? new ModelSaver(plan.out(), plan.commandLine()) : null, onTrained,
                plan.keepCheckpoints());
        List<SkippedTask> skipped = new ArrayList<>();
        int finished = 0;
        int failed = 0;
        int notStarted = 0;
        for (PendingTask task : pending) {
            if (task.runs().isEmpty()) {
                continue;
            }
            if (outOfTime(progress)) {
                notStarted += task.runs().size();
                progress.dropped(task.runs().size());
                continue;
            }
            try (NDManager manager = NDManager.newBaseManager(plan.device())) {
                TaskId id = task.definition().id();
                progress.starting("loading " + id.id() + " data");
                TaskData data;
                try {
                    data = task.definition().load(new DataRequest(plan.dataDir(), plan.source(),
                            task.runs().get(0).config().settings(), manager, log));
                } catch (IOException | RuntimeException e) {
                    // Any failure while preparing one task's data skips that task; the suite goes on.
                    String why = e instanceof DataFormatException
                            ? "the data is there but damaged: " + e.getMessage()
                            : "data could not be had: " + (e instanceof IOException ? e.getMessage() : e.toString());
                    SkippedTask skip = new SkippedTask(id, why,
                            task.definition().official().howToProvide(plan.dataDir()));
                    log.println("SKIPPED " + id.id() + ": " + skip.reason() + "\n  to run it: " + skip.howToProvide());
                    out.skipped().append(skip);
                    skipped.add(skip);
                    progress.dropped(task.runs().size());
                    continue;
                }
                out.skipped().remove(id);
                log.printf("%s: %s data, %s, splits %s%n", id.id(), data.provenance().kind().id(),
                        data.provenance().sourceName(), data.splitSizes());
                for (PendingRun run : task.runs()) {
                    if (outOfTime(progress)) {
                        notStarted++;
                        progress.dropped(1);
                        continue;
                    }
                    progress.starting(run.key().toString());
                    if (!fits(task.definition(), data, run)) {
                        progress.dropped(1);
                        continue;
                    }
                    RunOutcome outcome = train(trainer, task.definition(), data, run);
                    if (outcome == null) {
                        progress.dropped(1);
                        failed++;
                        continue;
                    }
                    out.results().append(outcome.result());
                    out.failed().remove(run.key());
                    out.curves().replaceRun(run.key(), outcome.curves());
                    RunResult result = outcome.result();
                    log.printf("%s: %s %.4f (%s is better), %d parameters, %s%n", run.key(), result.metric(),
                            result.metricValue(), result.metricDirection().id(), result.parameters(),
                            SuiteProgress.format(result.trainSeconds()));
                    progress.finished(result.trainSeconds());
                    finished++;
                    afterEachRun.accept(result);
                }
            }
        }
        double wallSeconds = progress.elapsedSeconds();
        ProvenanceJson.write(out.provenance(), new Provenance(plan.commandLine(), EnvironmentProbe.machine(),
                reproduce(), wallSeconds));
        ReportGenerator.WrittenReport report = ReportGenerator.generate(out.readInputs(), plan.out());
        log.printf("%nSuite done in %s: %d runs now, %d failed, %d already done, %d tasks skipped, %d runs left for"
                + " later.%nReport: %s%n", SuiteProgress.format(wallSeconds), finished, failed, alreadyDone, skipped.size(),
                notStarted, report.report());
        return new SuiteSummary(finished, alreadyDone, List.copyOf(skipped), notStarted, report.report(), wallSeconds,
                failed);
    }

    private boolean outOfTime(SuiteProgress progress) {
        return plan.maxMinutes() > 0 && progress.elapsedSeconds() >= plan.maxMinutes() * 60;
    }

    /** For the profiles whose runs may not fit in memory, predicts a run's need and logs a skip when it is too much. */
    private boolean fits(BenchmarkTask task, TaskData data, PendingRun run) {
        if (!plan.profile().probesMemory()) {
            return true;
        }
        RunProbe probe = new RunProbe(plan.device());
        long need = probe.predictedPeakBytes(task, data, run.config());
        if (need <= probe.limitBytes()) {
            return true;
        }
        log.println("SKIPPED " + run.key() + ": " + RunEstimate.skipReason(need, probe.limitBytes()));
        return false;
    }

    /**
     * Trains one run; a diverged run is recorded in failed.csv with its epoch and reason (not in results.csv), and
     * null is returned; a rerun tries it again.
     */
    private RunOutcome train(RunTrainer trainer, BenchmarkTask task, TaskData data, PendingRun run) throws IOException {
        trainer.resumesAfter(run.config(), run.key()).ifPresent(epochs -> log.printf(
                "resuming %s from its checkpoint after epoch %d%n", run.key(), epochs));
        try {
            return trainer.run(task, data, run.config(), run.key());
        } catch (NonFiniteLossException e) {
            String reason = "diverged: " + e.getMessage();
            log.println("FAILED " + run.key() + " in epoch " + e.epoch() + ": " + reason + " (in " + RunDirectory.FAILED
                    + "; a rerun tries again)");
            out.failed().append(new FailedRun(run.key(), e.epoch(), reason));
            return null;
        } catch (TranslateException | MalformedModelException e) {
            throw new IOException(run.key() + " failed: " + e.getMessage(), e);
        }
    }

    private String reproduce() {
        return "From a clone at the git commit above, with JDK 17 and Maven 3.8+:\n\n```sh\n"
                + "mvn -B -q -pl benchmarks -am compile exec:java -Dexec.args=\"" + plan.commandLine().replace("\"", "\\\"")
                + "\"\n```\n\nOfficial data is used when present under the data directory (`" + plan.dataDir()
                + "`, or set PLMU_DATA); otherwise the stand-ins are fetched into it automatically. The data kind, "
                + "source and checksum of every run are in results.csv; the config name of each run spells out its "
                + "data sizes, sequence length, batch, epochs, learning rate and model settings.";
    }

    private record PendingRun(RunKey key, RunConfig config) {}

    private record PendingTask(BenchmarkTask definition, List<PendingRun> runs) {}
}
