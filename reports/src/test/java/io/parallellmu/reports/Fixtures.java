package io.parallellmu.reports;

import io.parallellmu.vocabulary.DataKind;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.reports.schema.MetricDirection;
import io.parallellmu.reports.schema.RunEnvironment;
import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.reports.schema.SplitSizes;
import java.time.Instant;

/** Small builders of valid records for tests. */
public final class Fixtures {

    /** The environment every fixture run was "made" in. */
    public static final RunEnvironment ENVIRONMENT = new RunEnvironment(
            "cpu()", "17.0.15", "0.36.0", "2.7.1", "a5d26b2", "Test CPU @ 2.0GHz", 2);

    private Fixtures() {}

    /**
     * A run on stand-in data with the given outcome.
     *
     * @param task the task
     * @param model the family
     * @param config the config name
     * @param seed the seed
     * @param metric the metric name
     * @param value the metric value
     * @param direction the metric direction
     * @param seconds training seconds
     * @param parameters parameter count
     * @return the run
     */
    public static RunResult run(TaskId task, ModelFamily model, String config, long seed,
            String metric, double value, MetricDirection direction, double seconds,
            long parameters) {
        return RunResult.builder()
                .setKey(new RunKey(task, model, config, seed))
                .setParameters(parameters)
                .setData(DataKind.STAND_IN, "stand-in-source", "sha256:0123abcd",
                        SplitSizes.trainValidTest(800, 100, 100))
                .setMetric(metric, value, direction)
                .setTraining(seconds, 10.0, 3, 2)
                .setEnvironment(ENVIRONMENT)
                .optTimestamp(Instant.parse("2025-01-31T12:00:00Z"))
                .build();
    }

    /**
     * A psMNIST accuracy run.
     *
     * @param model the family
     * @param seed the seed
     * @param accuracy the accuracy fraction
     * @return the run
     */
    public static RunResult psmnist(ModelFamily model, long seed, double accuracy) {
        return run(TaskId.PSMNIST, model, "quick", seed, "accuracy", accuracy,
                MetricDirection.HIGHER, 60.0, 166_092);
    }
}
