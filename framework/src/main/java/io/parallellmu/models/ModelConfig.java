package io.parallellmu.models;

import io.parallellmu.vocabulary.ModelFamily;
/**
 * Everything needed to build one task model: the task's shape, the family's settings and the shared head sizes.
 * Immutable and Gson-serialisable, so the same object that builds a model also documents it in checkpoints and
 * result files.
 *
 * @param task the task's inputs and outputs
 * @param family the family's settings
 * @param embeddingSize token embedding width (ignored for real-valued inputs)
 * @param headHiddenSize hidden width of the pair classifier's MLP and of the recurrent translators' attention
 *     output layer (ignored by other models)
 */
public record ModelConfig(TaskSpec task, FamilyConfig family, int embeddingSize, int headHiddenSize) {

    /** Checks that the sizes the task needs are set. */
    public ModelConfig {
        if (task.tokenInput()) {
            ConfigChecks.positive("embeddingSize", embeddingSize);
        }
        if (task.kind() == TaskKind.PAIR_CLASSIFICATION
                || (task.kind() == TaskKind.TRANSLATION && family.family() != ModelFamily.TRANSFORMER)) {
            ConfigChecks.positive("headHiddenSize", headHiddenSize);
        }
    }

    /**
     * A config for real-valued inputs with no head hidden layer.
     *
     * @param task the task
     * @param family the family's settings
     * @return the config
     */
    public static ModelConfig of(TaskSpec task, FamilyConfig family) {
        return new ModelConfig(task, family, 0, 0);
    }
}
