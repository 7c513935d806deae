package io.parallellmu.models;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

/** Builds the model for any (task kind, family) pair from a {@link ModelConfig}, and reports its size. */
public final class TaskModels {

    private TaskModels() {}

    /**
     * Builds an uninitialised model.
     *
     * @param config the task and family settings
     * @return a block whose inputs and outputs follow the task kind's batch layout (see the package docs); a
     *     {@link Seq2SeqModel} for translation
     * @throws IllegalArgumentException if the family cannot do the task as configured
     */
    public static Block create(ModelConfig config) {
        TaskSpec task = config.task();
        FamilyConfig family = config.family();
        switch (task.kind()) {
            case SEQUENCE_CLASSIFICATION:
                return new SequenceModel(embedding(config, task.vocabularySize()),
                        family.encoder(SequenceRole.SUMMARY, task.variableLength()), task.outputSize());
            case SEQUENCE_REGRESSION:
                SequenceRole role = task.perStepOutput() ? SequenceRole.CAUSAL : SequenceRole.SUMMARY;
                return new SequenceModel(null, family.encoder(role, false), task.outputSize());
            case CHAR_LANGUAGE_MODEL:
                if (family instanceof LstmConfig lstm && lstm.bidirectional()) {
                    throw new IllegalArgumentException("a language model must be causal: use bidirectional=false");
                }
                if (family.carriesState()) {
                    return new RecurrentLanguageModel(embedding(config, task.vocabularySize()),
                            family.encoder(SequenceRole.CAUSAL, false), task.outputSize());
                }
                return new SequenceModel(embedding(config, task.vocabularySize()),
                        family.encoder(SequenceRole.CAUSAL, false), task.outputSize());
            case PAIR_CLASSIFICATION:
                return new PairClassifier(embedding(config, task.vocabularySize()),
                        family.encoder(SequenceRole.ORDERED_SUMMARY, true), config.headHiddenSize(),
                        task.outputSize(), family.dropout());
            case TRANSLATION:
                if (family instanceof TransformerConfig transformer) {
                    return new TransformerTranslator(transformer, task.vocabularySize(), task.outputSize());
                }
                return new AttentionTranslator(
                        embedding(config, task.vocabularySize()),
                        family.encoder(SequenceRole.CONTEXTUAL, true),
                        embedding(config, task.outputSize()),
                        family.encoder(SequenceRole.CAUSAL, false),
                        family.outputWidth(SequenceRole.CAUSAL),
                        config.headHiddenSize(),
                        task.outputSize());
            default:
                throw new AssertionError(task.kind());
        }
    }

    /**
     * Returns the input shapes a model of this task takes, for {@code initialize}.
     *
     * @param task the task
     * @param batch B
     * @param length L (for pairs and translation, both sides)
     * @return the shapes, in input order
     */
    public static Shape[] inputShapes(TaskSpec task, long batch, long length) {
        Shape lengths = new Shape(batch);
        Shape tokens = new Shape(batch, length);
        switch (task.kind()) {
            case PAIR_CLASSIFICATION:
                return new Shape[] {tokens, lengths, tokens, lengths};
            case TRANSLATION:
                return new Shape[] {tokens, lengths, tokens};
            case CHAR_LANGUAGE_MODEL:
                return new Shape[] {tokens};
            default:
                if (task.tokenInput()) {
                    return task.variableLength() ? new Shape[] {tokens, lengths} : new Shape[] {tokens};
                }
                return new Shape[] {new Shape(batch, length, task.featureSize())};
        }
    }

    /**
     * Counts the trainable parameters of an initialised block.
     *
     * @param block the block
     * @return the number of scalar parameters
     */
    public static long countParameters(Block block) {
        return block.getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getArray().getShape().size())
                .sum();
    }

    /**
     * Builds a throw-away model of this config and counts its trainable parameters.
     *
     * @param config the config
     * @return the number of scalar parameters
     */
    public static long countParameters(ModelConfig config) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = create(config);
            block.initialize(manager, DataType.FLOAT32, inputShapes(config.task(), 2, 4));
            return countParameters(block);
        }
    }

    private static TokenEmbedding embedding(ModelConfig config, int vocabulary) {
        return config.task().tokenInput() ? new TokenEmbedding(vocabulary, config.embeddingSize()) : null;
    }
}
