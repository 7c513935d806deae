package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import ai.djl.Device;
import io.parallellmu.benchmarks.cli.DeviceOption;
import io.parallellmu.datasets.DataDirectory;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.fetch.official.OfficialCommand;
import io.parallellmu.reports.store.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code suite} command: every task × family under a profile, resumable, with the report at the end. */
@Command(
        name = "suite",
        mixinStandardHelpOptions = true,
        description = {
            "Train and test every task of the paper with every model family, then write results.csv, curves.csv,"
                    + " skipped.csv, provenance.json, report.md and charts into --out.",
            "Finished runs are recorded at once; a rerun skips them (--resume, the default) unless --force.",
            "Each run checkpoints at every epoch's end; a rerun continues an interrupted run from its last checkpoint.",
            "Exit status: 0 when every task ran, 3 when a task was skipped for want of data, 4 when a run failed"
                    + " (diverged; see failed.csv), 2 on bad options."
        })
public final class SuiteCommand implements Callable<Integer> {

    /** Exit status when a task had to be skipped. */
    static final int SKIPPED_EXIT = 3;
    /** Exit status when some runs failed (diverged); it wins over {@link #SKIPPED_EXIT}. */
    static final int FAILED_EXIT = 4;

    @Spec
    private CommandSpec spec;

    @Option(names = "--profile", defaultValue = "quick",
            description = "quick (all tasks in about 6 min on 2 cores), standard (hours), paper (the paper's sizes;"
                    + " GPU advised) or tiny (seconds, for tests). Default: ${DEFAULT-VALUE}.")
    private String profile;

    @Option(names = "--tasks", split = ",", defaultValue = "all",
            description = "Task ids or 'all': psmnist, mackey-glass, imdb, qqp, snli, iwslt15-en-vi, text8."
                    + " Default: ${DEFAULT-VALUE}.")
    private List<String> tasks;

    @Option(names = "--models", split = ",", defaultValue = "all",
            description = "Model families or 'all': lmu, original-lmu (psMNIST and Mackey-Glass only), lstm,"
                    + " transformer. Default: ${DEFAULT-VALUE}.")
    private List<String> models;

    @Option(names = "--seeds", split = ",", defaultValue = "0", description = "Seeds (each ≥ 0), one run each. Default: ${DEFAULT-VALUE}.")
    private List<Long> seeds;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, gpu (the one the engine assigns), gpu:N or default. Default: ${DEFAULT-VALUE}.")
    private String device;

    @Option(names = "--data-dir", description = "Data root (official data in <dir>/<task>/, cached stand-ins)."
            + " Default: -Dplmu.data, else $PLMU_DATA, else ~/.cache/parallel-lmu/data.")
    private Path dataDir;

    @Option(names = "--data", defaultValue = "auto",
            description = "auto (official when present, else the stand-in), official (download missing official data"
                    + " first, as fetch --official does; skip tasks whose data still cannot be had, exit 3) or stand-in."
                    + " Default: ${DEFAULT-VALUE}.")
    private String data;

    @Option(names = "--no-download", description = "With --data official: never download missing official data.")
    private boolean noDownload;

    @Option(names = "--out", defaultValue = "results/suite", description = "Output directory. Default: ${DEFAULT-VALUE}.")
    private Path out;

    @Option(names = "--max-minutes", defaultValue = "0",
            description = "Start no run after this many minutes; rerun to continue. 0 = no limit. Default: ${DEFAULT-VALUE}.")
    private double maxMinutes;

    @Option(names = "--resume", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Skip runs already in results.csv (--no-resume or --force reruns them). Default: on.")
    private boolean resume;

    @Option(names = "--force", description = "Rerun finished runs, replacing their rows.")
    private boolean force;

    @Option(names = "--estimate", description = "Print what each planned run would cost (parameters, seconds per"
            + " step after warm-up, steps per epoch, epochs, predicted wall time, peak memory; runs too large for the"
            + " memory limit are named with what they need) and the total, from a few full-size training steps on"
            + " real batches. Trains nothing to the end and writes no results.")
    private boolean estimate;

    @Option(names = "--save-models", description = "Save each trained model as a zoo artifact in"
            + " <out>/models/<task>-<family>-<profile>-seed<N>; put one in the zoo with publish.")
    private boolean saveModels;

    @Option(names = "--keep-checkpoints", description = "Keep each finished run's per-epoch checkpoints in"
            + " <out>/.checkpoints (an interrupted run always keeps them, and a rerun resumes from them).")
    private boolean keepCheckpoints;

    @Option(names = "--engine", defaultValue = "local",
            description = "local (this JVM trains the runs one after another) or spark (each run is one Spark task;"
                    + " needs the cluster module on the class path). Default: ${DEFAULT-VALUE}.")
    private String engine;

    @Option(names = "--master", description = "With --engine spark: the Spark master URL, such as spark://HOST:7077."
            + " Default: spark.master when set (spark-submit), else local mode in this JVM.")
    private String master;

    @Option(names = "--cores-per-run", defaultValue = "1",
            description = "With --engine spark: the cores each run trains with (spark.task.cpus). Default: ${DEFAULT-VALUE}.")
    private int coresPerRun;

    /** {@inheritDoc} */
    @Override
    public Integer call() throws IOException {
        SuitePlan plan;
        try {
            plan = plan();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        RunEngine runEngine = runEngine(plan);
        if (estimate) {
            new SuiteEstimator(plan, System.out).run();
            return 0;
        }
        if (plan.source() == DataSource.OFFICIAL && !noDownload) {
            new OfficialCommand(plan.dataDir(), System.out, System.err, System.console() != null)
                    .fetchMissing(plan.tasks().stream().map(TaskId::id).toList());
        }
        SuiteSummary summary = new SuiteRunner(plan, System.out, runEngine).run();
        if (summary.failed() > 0) {
            spec.commandLine().getErr().println(summary.failed() + " run(s) failed; see " + RunDirectory.FAILED
                    + " and the report's Failed runs section");
            return FAILED_EXIT;
        }
        if (!summary.skipped().isEmpty()) {
            spec.commandLine().getErr().println("Skipped: " + summary.skipped().stream()
                    .map(s -> s.task().id() + ": " + s.reason() + " (" + s.howToProvide() + ")")
                    .collect(Collectors.joining("; ")));
            return SKIPPED_EXIT;
        }
        return 0;
    }

    private SuitePlan plan() {
        return new SuitePlan(Profile.fromId(profile), taskIds(), families(), seeds, device(),
                dataDir == null ? DataDirectory.root() : dataDir, source(), out, maxMinutes, force || !resume,
                saveModels, commandLine(), keepCheckpoints);
    }

    /** Returns the engine --engine names, or null for this JVM's own loop. */
    private RunEngine runEngine(SuitePlan plan) {
        if (engine.equals("local")) {
            if (master != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--master needs --engine spark");
            }
            return null;
        }
        if (plan.maxMinutes() > 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-minutes works with --engine local"
                    + " only; stop a " + engine + " suite at any time and rerun it to continue");
        }
        if (coresPerRun < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cores-per-run must be at least 1, got "
                    + coresPerRun);
        }
        return ServiceLoader.load(RunEngine.Factory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals(engine)).findFirst()
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "no engine '" + engine
                        + "' on the class path; valid: local, spark (run plmu from the cluster module: mvn -B -q -pl"
                        + " cluster -am compile exec:java -Dexec.args=\"suite --engine spark\")"))
                .create(master, coresPerRun);
    }

    private List<TaskId> taskIds() {
        if (tasks.contains("all")) {
            return List.of(TaskId.values());
        }
        return tasks.stream().map(TaskId::fromId).distinct().toList();
    }

    private List<ModelFamily> families() {
        if (models.contains("all")) {
            return List.of(ModelFamily.values());
        }
        return models.stream().map(ModelFamily::fromId).distinct().toList();
    }

    private Device device() {
        return DeviceOption.parse(device);
    }

    private DataSource source() {
        return switch (data) {
            case "auto" -> DataSource.AUTO;
            case "official" -> DataSource.OFFICIAL;
            case "stand-in" -> DataSource.STAND_IN;
            default -> throw new IllegalArgumentException("unknown data source '" + data
                    + "'; valid: auto, official, stand-in");
        };
    }

    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        String joined = args.stream().map(a -> a.contains(" ") ? "'" + a + "'" : a).collect(Collectors.joining(" "));
        return "plmu " + (!args.isEmpty() && args.get(0).equals(spec.name()) ? joined : (spec.name() + " " + joined).trim());
    }
}
