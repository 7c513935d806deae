package io.parallellmu.reports.schema;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
/**
 * Identifies one training run: the unit of resumption. A suite rerun skips every run whose key
 * is already in {@code results.csv}.
 *
 * @param task the task
 * @param model the model family
 * @param config the configuration name
 * @param seed the random seed
 */
public record RunKey(TaskId task, ModelFamily model, String config, long seed) {

    /**
     * Validates the key.
     *
     * @param task the task
     * @param model the model family
     * @param config the configuration name
     * @param seed the random seed
     * @throws IllegalArgumentException when a field is missing or the config name is blank
     */
    public RunKey {
        Checks.present(task, "task");
        Checks.present(model, "model");
        Checks.nonBlank(config, "config");
    }

    /**
     * Returns a short form for logs and messages.
     *
     * @return for example {@code psmnist/lmu/quick/seed=1}
     */
    @Override
    public String toString() {
        return task.id() + "/" + model.id() + "/" + config + "/seed=" + seed;
    }
}
