package io.parallellmu.zoo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What produced a zoo model and how good it is: the {@code model-card.json} of an artifact. It answers "what
 * exactly produced this number?": the task, the data (its kind, source and checksum, so a stand-in is never
 * mistaken for the paper's data set), the metric on a named split, the size and the exact training command.
 *
 * @param task the task id, such as {@code psmnist} or {@code mackey-glass}
 * @param family the model family (filled in from the config by {@link ModelArtifact#write})
 * @param description one line on what the model is
 * @param dataKind {@code official}, {@code stand-in} or {@code synthetic}
 * @param dataSource what the data is and where it came from
 * @param dataChecksum the data's checksum (SHA-256 where the data set provides one)
 * @param metricName the metric, such as {@code accuracy} or {@code nrmse}
 * @param metricValue its value on {@code metricSplit}
 * @param metricSplit the split the metric was measured on, such as {@code test}
 * @param parameterCount trainable parameters (filled in from the block by {@link ModelArtifact#write})
 * @param trainingCommand the exact command that trained the model
 * @param details further provenance: seed, epochs, versions, commit, time
 */
public record ModelCard(
        String task,
        String family,
        String description,
        String dataKind,
        String dataSource,
        String dataChecksum,
        String metricName,
        double metricValue,
        String metricSplit,
        long parameterCount,
        String trainingCommand,
        Map<String, String> details) {

    /** Copies the details. */
    public ModelCard {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns this card with the family and parameter count of the model it describes. */
    ModelCard describing(String modelFamily, long parameters) {
        return new ModelCard(task, modelFamily, description, dataKind, dataSource, dataChecksum, metricName,
                metricValue, metricSplit, parameters, trainingCommand, details);
    }

    /** Settings for a {@link ModelCard}: task, data, metric and training command are required. */
    public static final class Builder {
        private String task;
        private String description = "";
        private String dataKind;
        private String dataSource;
        private String dataChecksum;
        private String metricName;
        private double metricValue = Double.NaN;
        private String metricSplit = "test";
        private String trainingCommand;
        private final Map<String, String> details = new LinkedHashMap<>();

        Builder() {}

        /**
         * Sets the task id.
         *
         * @param task such as {@code psmnist}
         * @return this builder
         */
        public Builder setTask(String task) {
            this.task = task;
            return this;
        }

        /**
         * Sets the data the model was trained and measured on.
         *
         * @param kind {@code official}, {@code stand-in} or {@code synthetic}
         * @param source what the data is and where it came from
         * @param checksum the data's checksum
         * @return this builder
         */
        public Builder setData(String kind, String source, String checksum) {
            this.dataKind = kind;
            this.dataSource = source;
            this.dataChecksum = checksum;
            return this;
        }

        /**
         * Sets the metric measured on the test split.
         *
         * @param name such as {@code accuracy}
         * @param value its value, finite
         * @return this builder
         */
        public Builder setMetric(String name, double value) {
            this.metricName = name;
            this.metricValue = value;
            return this;
        }

        /**
         * Sets the split the metric was measured on (default {@code test}).
         *
         * @param split the split's name
         * @return this builder
         */
        public Builder optMetricSplit(String split) {
            this.metricSplit = split;
            return this;
        }

        /**
         * Sets the exact command that trained the model.
         *
         * @param command the command line
         * @return this builder
         */
        public Builder setTrainingCommand(String command) {
            this.trainingCommand = command;
            return this;
        }

        /**
         * Sets a one-line description (default empty).
         *
         * @param description the description
         * @return this builder
         */
        public Builder optDescription(String description) {
            this.description = description;
            return this;
        }

        /**
         * Adds one provenance detail, such as the seed, epochs or git commit.
         *
         * @param key the detail's name
         * @param value its value
         * @return this builder
         */
        public Builder optDetail(String key, String value) {
            details.put(key, value);
            return this;
        }

        /**
         * Validates the settings and builds the card; family and parameter count are filled in when written.
         *
         * @return the card
         * @throws IllegalArgumentException naming a missing setting or a non-finite metric
         */
        public ModelCard build() {
            requireText("task", task);
            requireText("dataKind", dataKind);
            requireText("dataSource", dataSource);
            requireText("dataChecksum", dataChecksum);
            requireText("metricName", metricName);
            requireText("metricSplit", metricSplit);
            requireText("trainingCommand", trainingCommand);
            if (!Double.isFinite(metricValue)) {
                throw new IllegalArgumentException("metricValue must be finite, got " + metricValue);
            }
            return new ModelCard(task, null, description, dataKind, dataSource, dataChecksum, metricName, metricValue,
                    metricSplit, 0, trainingCommand, details);
        }

        private static void requireText(String setting, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(setting + " must be set to a non-blank value");
            }
        }
    }
}
