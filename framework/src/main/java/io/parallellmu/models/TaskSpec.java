package io.parallellmu.models;

/**
 * What a task looks like from the model's side: inputs, outputs and whether batches are padded.
 *
 * @param kind the task kind
 * @param vocabularySize the (source) token vocabulary size, or 0 when inputs are real-valued features
 * @param featureSize features per time step when inputs are real-valued, or 0 for token inputs
 * @param outputSize classes, regression outputs, or the target vocabulary size
 * @param variableLength whether batches carry valid lengths after the padded inputs
 * @param perStepOutput for regression: one prediction per time step (B, L, outputs) rather than (B, outputs)
 */
public record TaskSpec(
        TaskKind kind, int vocabularySize, int featureSize, int outputSize, boolean variableLength,
        boolean perStepOutput) {

    /** Checks the combination. */
    public TaskSpec {
        if ((vocabularySize > 0) == (featureSize > 0)) {
            throw new IllegalArgumentException("exactly one of vocabularySize (" + vocabularySize
                    + ") and featureSize (" + featureSize + ") must be positive");
        }
        if (outputSize < 1) {
            throw new IllegalArgumentException("outputSize must be at least 1, got " + outputSize);
        }
        boolean tokens = vocabularySize > 0;
        if (!tokens && kind != TaskKind.SEQUENCE_CLASSIFICATION && kind != TaskKind.SEQUENCE_REGRESSION) {
            throw new IllegalArgumentException(kind + " needs token inputs (a vocabularySize)");
        }
        if (perStepOutput && kind != TaskKind.SEQUENCE_REGRESSION) {
            throw new IllegalArgumentException("perStepOutput applies to SEQUENCE_REGRESSION only, not " + kind);
        }
    }

    /**
     * A classification task over real-valued sequences of fixed length, such as psMNIST (1 feature, 10 classes).
     *
     * @param features features per step
     * @param classes number of classes
     * @return the spec
     */
    public static TaskSpec sequenceClassification(int features, int classes) {
        return new TaskSpec(TaskKind.SEQUENCE_CLASSIFICATION, 0, features, classes, false, false);
    }

    /**
     * A classification task over padded token sequences, such as IMDB.
     *
     * @param vocabulary vocabulary size
     * @param classes number of classes
     * @return the spec
     */
    public static TaskSpec textClassification(int vocabulary, int classes) {
        return new TaskSpec(TaskKind.SEQUENCE_CLASSIFICATION, vocabulary, 0, classes, true, false);
    }

    /**
     * A regression task over real-valued sequences, such as Mackey-Glass.
     *
     * @param features features per step
     * @param outputs outputs per prediction
     * @param perStep predict at every step (causally) rather than once per sequence
     * @return the spec
     */
    public static TaskSpec sequenceRegression(int features, int outputs, boolean perStep) {
        return new TaskSpec(TaskKind.SEQUENCE_REGRESSION, 0, features, outputs, false, perStep);
    }

    /**
     * A sentence-pair classification task, such as QQP or SNLI.
     *
     * @param vocabulary vocabulary size
     * @param classes number of classes
     * @return the spec
     */
    public static TaskSpec pairClassification(int vocabulary, int classes) {
        return new TaskSpec(TaskKind.PAIR_CLASSIFICATION, vocabulary, 0, classes, true, false);
    }

    /**
     * A translation task, such as IWSLT'15 En-Vi.
     *
     * @param sourceVocabulary source vocabulary size
     * @param targetVocabulary target vocabulary size (including the special tokens)
     * @return the spec
     */
    public static TaskSpec translation(int sourceVocabulary, int targetVocabulary) {
        return new TaskSpec(TaskKind.TRANSLATION, sourceVocabulary, 0, targetVocabulary, true, false);
    }

    /**
     * A causal character language model, such as text8.
     *
     * @param vocabulary character vocabulary size
     * @return the spec
     */
    public static TaskSpec charLanguageModel(int vocabulary) {
        return new TaskSpec(TaskKind.CHAR_LANGUAGE_MODEL, vocabulary, 0, vocabulary, false, false);
    }

    /**
     * Returns whether inputs are token ids.
     *
     * @return {@code true} for token inputs
     */
    public boolean tokenInput() {
        return vocabularySize > 0;
    }
}
