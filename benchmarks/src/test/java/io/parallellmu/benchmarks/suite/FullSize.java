package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.TaskId;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.parallellmu.benchmarks.tasks.TaskSettings;
import io.parallellmu.datasets.text8.Text8Dataset;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.models.TaskSpec;

/**
 * A profile's runs at full size without their data: each task's shape with the profile's vocabulary limit as its
 * vocabulary (what the official data fills), the model a run builds, and synthetic batches of the run's shapes in
 * the layout the task's data set yields (see the models package's batch table).
 */
final class FullSize {

    private FullSize() {}

    static TaskSpec spec(TaskId task, TaskSettings settings) {
        int vocabulary = settings.vocabulary();
        return switch (task) {
            case PSMNIST -> TaskSpec.sequenceClassification(1, 10);
            case MACKEY_GLASS -> TaskSpec.sequenceRegression(1, 1, true);
            case IMDB -> TaskSpec.textClassification(vocabulary, 2);
            case QQP -> TaskSpec.pairClassification(vocabulary, 2);
            case SNLI -> TaskSpec.pairClassification(vocabulary, 3);
            case IWSLT15_EN_VI -> TaskSpec.translation(vocabulary, vocabulary);
            case TEXT8 -> TaskSpec.charLanguageModel((int) Text8Dataset.vocabulary().size());
        };
    }

    /** The model config the suite builds for a run (as {@code BenchmarkTask.model} does from loaded data). */
    static ModelConfig model(TaskId task, RunConfig run) {
        TaskSpec spec = spec(task, run.settings());
        return spec.tokenInput() ? new ModelConfig(spec, run.family(), run.embeddingSize(), run.headHiddenSize())
                : ModelConfig.of(spec, run.family());
    }

    /** Inputs of (batch, length), every sequence full length. */
    static NDList inputs(NDManager manager, TaskSpec spec, int batch, int length) {
        NDArray lengths = manager.full(new Shape(batch), length, DataType.INT32);
        return switch (spec.kind()) {
            case SEQUENCE_CLASSIFICATION -> spec.tokenInput()
                    ? new NDList(tokens(manager, spec.vocabularySize(), batch, length), lengths)
                    : new NDList(manager.randomNormal(new Shape(batch, length, spec.featureSize())));
            case SEQUENCE_REGRESSION -> new NDList(manager.randomNormal(new Shape(batch, length, spec.featureSize())));
            case PAIR_CLASSIFICATION -> new NDList(tokens(manager, spec.vocabularySize(), batch, length), lengths,
                    tokens(manager, spec.vocabularySize(), batch, length), lengths.duplicate());
            case TRANSLATION -> new NDList(tokens(manager, spec.vocabularySize(), batch, length), lengths,
                    tokens(manager, spec.outputSize(), batch, length), lengths.duplicate());
            case CHAR_LANGUAGE_MODEL -> new NDList(tokens(manager, spec.vocabularySize(), batch, length));
        };
    }

    /** Labels matching {@link #inputs}. */
    static NDList labels(NDManager manager, TaskSpec spec, int batch, int length) {
        return switch (spec.kind()) {
            case SEQUENCE_CLASSIFICATION, PAIR_CLASSIFICATION ->
                    new NDList(manager.randomInteger(0, spec.outputSize(), new Shape(batch), DataType.INT64));
            case SEQUENCE_REGRESSION -> new NDList(manager.randomNormal(new Shape(batch, length, spec.outputSize())));
            case TRANSLATION -> new NDList(tokens(manager, spec.outputSize(), batch, length),
                    manager.full(new Shape(batch), length, DataType.INT32));
            case CHAR_LANGUAGE_MODEL -> new NDList(tokens(manager, spec.outputSize(), batch, length));
        };
    }

    private static NDArray tokens(NDManager manager, int vocabulary, int batch, int length) {
        return manager.randomInteger(1, vocabulary, new Shape(batch, length), DataType.INT64);
    }
}
