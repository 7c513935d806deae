package io.parallellmu.reports.schema;

import io.parallellmu.vocabulary.TaskId;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A published figure that the report shows beside our results; one row of the bundled {@code
 * paper-results.csv}.
 *
 * @param task the task
 * @param model the published model's id, for example "lmu" or "lstm-lmu-hybrid"
 * @param label how the report names the model, for example "LMU" or "LSTM-LMU hybrid"
 * @param metric the metric's name, in the same convention as {@link RunResult#metric()}
 * @param value the published value, empty when not known here
 * @param parameters the published parameter count, empty when not stated
 * @param source the publication the figure comes from
 * @param note anything a reader must know to compare (may be empty)
 */
public record PaperResult(
        TaskId task,
        String model,
        String label,
        String metric,
        OptionalDouble value,
        OptionalLong parameters,
        String source,
        String note) {

    /**
     * Validates the figure.
     *
     * @param task the task
     * @param model the published model's id, for example "lmu" or "lstm-lmu-hybrid"
     * @param label how the report names the model, for example "LMU" or "LSTM-LMU hybrid"
     * @param metric the metric's name, in the same convention as {@link RunResult#metric()}
     * @param value the published value, empty when not known here
     * @param parameters the published parameter count, empty when not stated
     * @param source the publication the figure comes from
     * @param note anything a reader must know to compare (may be empty)
     * @throws IllegalArgumentException naming the first invalid field
     */
    public PaperResult {
        Checks.present(task, "task");
        Checks.nonBlank(model, "model");
        Checks.nonBlank(label, "label");
        Checks.nonBlank(metric, "metric");
        Checks.present(value, "value");
        value.ifPresent(v -> Checks.finite(v, "value"));
        Checks.present(parameters, "parameters");
        parameters.ifPresent(p -> Checks.atLeast(p, 1, "parameters"));
        Checks.nonBlank(source, "source");
        Checks.present(note, "note");
    }
}
