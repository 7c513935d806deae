package io.parallellmu.benchmarks.suite;

import ai.djl.ndarray.NDManager;
import io.parallellmu.benchmarks.suite.RunEngine.PlannedRun;
import io.parallellmu.benchmarks.tasks.BenchmarkTask;
import io.parallellmu.benchmarks.tasks.TaskData;
import io.parallellmu.benchmarks.tasks.Tasks;
import io.parallellmu.reports.ReportGenerator;
import io.parallellmu.reports.schema.FailedRun;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.reports.schema.Provenance;
import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.reports.schema.SkippedTask;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.reports.store.ProvenanceJson;
import io.parallellmu.reports.store.RunDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs a {@link SuitePlan}: per task, loads the data once (or records the task as skipped, with how to provide
 * the data), then trains each pending (family, seed) run and appends its result and curves at once, atomically; a
 * rerun skips every run already in results.csv unless forced and continues the run that was in progress from its
 * last epoch's checkpoint ({@link RunTrainer}), so an interrupted suite loses at most one epoch. Finally it writes provenance.json and the report with its charts.
 * Given a {@link RunEngine}, it hands the pending runs to it instead and records what comes back the same way.
 */
public final class SuiteRunner {

    private final SuitePlan plan;
    private final PrintStream log;
    private final RunDirectory out;
    private final RunEngine engine;

    /**
     * Creates the runner that trains in this JVM.
     *
     * @param plan what to run
     * @param log where progress goes
     */
    public SuiteRunner(SuitePlan plan, PrintStream log) {
        this(plan, log, null);
    }

    /**
     * Creates the runner that has an engine execute the pending runs (the runner still plans, records and reports).
     *
     * @param plan what to run
     * @param log where progress goes
     * @param engine where the runs execute, or null for this JVM
     */
    public SuiteRunner(SuitePlan plan, PrintStream log, RunEngine engine) {
        this.plan = plan;
        this.log = log;
        this.out = new RunDirectory(plan.out());
        this.engine = engine;
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
                        task.runs().add(new PlannedRun(key, config));
                    }
                }
            }
            pending.add(task);
        }
        int total = pending.stream().mapToInt(t -> t.runs().size()).sum();
        log.printf("Suite: profile %s, %d runs to do, %d already in %s%n", plan.profile().id(), total, alreadyDone,
                out.results().path());
        Tally tally = new Tally(new SuiteProgress(log, total), afterEachRun);
        if (engine == null) {
            runHere(pending, onTrained, tally);
        } else {
            log.println("Engine: " + engine.name());
            engine.execute(plan, pending.stream().flatMap(t -> t.runs().stream()).toList(), tally::record, log);
        }
        double wallSeconds = tally.progress.elapsedSeconds();
        ProvenanceJson.write(out.provenance(), new Provenance(plan.commandLine(), EnvironmentProbe.machine(),
                reproduce(), wallSeconds));
        ReportGenerator.WrittenReport report = ReportGenerator.generate(out.readInputs(), plan.out());
        log.printf("%nSuite done in %s: %d runs now, %d failed, %d already done, %d tasks skipped, %d runs left for"
                + " later.%nReport: %s%n", SuiteProgress.format(wallSeconds), tally.finished, tally.failed, alreadyDone,
                tally.skipped.size(), tally.notStarted, report.report());
        return new SuiteSummary(tally.finished, alreadyDone, List.copyOf(tally.skipped), tally.notStarted,
                report.report(), wallSeconds, tally.failed);
    }

    /** This JVM's own loop: per task, loads the data once, then trains each pending run in turn. */
    private void runHere(List<PendingTask> pending, TrainedModelListener onTrained, Tally tally) throws IOException {
        RunSteps steps = new RunSteps(plan, log);
        RunTrainer trainer = steps.trainer(onTrained);
        for (PendingTask task : pending) {
            if (task.runs().isEmpty()) {
                continue;
            }
            if (outOfTime(tally.progress)) {
                tally.notStarted += task.runs().size();
                tally.progress.dropped(task.runs().size());
                continue;
            }
            try (NDManager manager = NDManager.newBaseManager(plan.device())) {
                tally.progress.starting("loading " + task.definition().id().id() + " data");
                RunSteps.Loaded loaded = steps.load(task.definition(), task.runs().get(0).config(), manager);
                if (loaded.skip() != null) {
                    for (PlannedRun run : task.runs()) {
                        tally.record(RunReport.skipped(run.key(), loaded.skip()));
                    }
                    continue;
                }
                TaskData data = loaded.data();
                log.printf("%s: %s data, %s, splits %s%n", task.definition().id().id(),
                        data.provenance().kind().id(), data.provenance().sourceName(), data.splitSizes());
                for (PlannedRun run : task.runs()) {
                    if (outOfTime(tally.progress)) {
                        tally.notStarted++;
                        tally.progress.dropped(1);
                        continue;
                    }
                    tally.progress.starting(run.key().toString());
                    String tooLarge = steps.tooLarge(task.definition(), data, run);
                    tally.record(tooLarge != null ? RunReport.tooLarge(run.key(), tooLarge)
                            : steps.train(trainer, task.definition(), data, run));
                }
            }
        }
    }

    /** Records each run's report as it comes in, and counts. */
    private final class Tally {

        private final SuiteProgress progress;
        private final Consumer<RunResult> afterEachRun;
        private final List<SkippedTask> skipped = new ArrayList<>();
        private int finished;
        private int failed;
        private int notStarted;

        private Tally(SuiteProgress progress, Consumer<RunResult> afterEachRun) {
            this.progress = progress;
            this.afterEachRun = afterEachRun;
        }

        /** Writes one run's report: its rows and curves, its failure, or its task's skip. */
        void record(RunReport report) throws IOException {
            RunKey key = report.key();
            if (report.skippedTask() != null) {
                SkippedTask skip = report.skippedTask();
                if (skipped.stream().noneMatch(s -> s.task() == skip.task())) {
                    log.println("SKIPPED " + key.task().id() + ": " + skip.reason() + "\n  to run it: "
                            + skip.howToProvide());
                    out.skipped().append(skip);
                    skipped.add(skip);
                }
                progress.dropped(1);
                return;
            }
            if (skipped.stream().noneMatch(s -> s.task() == key.task())) {
                out.skipped().remove(key.task());
            }
            if (report.tooLarge() != null) {
                log.println("SKIPPED " + key + ": " + report.tooLarge());
                progress.dropped(1);
            } else if (report.failure() != null) {
                FailedRun failure = report.failure();
                log.println("FAILED " + key + " in epoch " + failure.epoch() + ": " + failure.reason() + " (in "
                        + RunDirectory.FAILED + "; a rerun tries again)");
                out.failed().append(failure);
                progress.dropped(1);
                failed++;
            } else {
                RunResult result = report.outcome().result();
                out.results().append(result);
                out.failed().remove(key);
                out.curves().replaceRun(key, report.outcome().curves());
                log.printf("%s: %s %.4f (%s is better), %d parameters, %s%n", key, result.metric(),
                        result.metricValue(), result.metricDirection().id(), result.parameters(),
                        SuiteProgress.format(result.trainSeconds()));
                progress.finished(result.trainSeconds());
                finished++;
                afterEachRun.accept(result);
            }
        }
    }

    private boolean outOfTime(SuiteProgress progress) {
        return plan.maxMinutes() > 0 && progress.elapsedSeconds() >= plan.maxMinutes() * 60;
    }

    private String reproduce() {
        // the command line names the program ("plmu suite ..."); exec:java takes only its arguments
        String arguments = plan.commandLine().replaceFirst("^plmu ", "");
        return "From a clone at the git commit above, with JDK 17 and Maven 3.8+:\n\n```sh\n"
                + "mvn -B -q -pl benchmarks -am compile exec:java -Dexec.args=\"" + arguments.replace("\"", "\\\"")
                + "\"\n```\n\nOfficial data is used when present under the data directory (`" + plan.dataDir()
                + "`, or set PLMU_DATA); otherwise the stand-ins are fetched into it automatically. The data kind, "
                + "source and checksum of every run are in results.csv; the config name of each run spells out its "
                + "data sizes, sequence length, batch, epochs, learning rate and model settings."
                + plan.tasks().stream().map(Tasks::of).map(BenchmarkTask::testEvaluation).flatMap(Optional::stream)
                        .map(evaluation -> "\n\nTest evaluation of " + evaluation)
                        .collect(Collectors.joining());
    }

    private record PendingTask(BenchmarkTask definition, List<PlannedRun> runs) {}
}
