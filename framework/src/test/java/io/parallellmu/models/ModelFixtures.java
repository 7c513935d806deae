package io.parallellmu.models;

import io.parallellmu.vocabulary.ModelFamily;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.parallellmu.nn.Nonlinearity;
import java.util.List;

/** Small configs of every family and random inputs of every task kind, for the model tests. */
final class ModelFixtures {

    static final long BATCH = 2;
    static final long LENGTH = 5;

    private ModelFixtures() {}

    static FamilyConfig small(ModelFamily family, boolean causalTask) {
        switch (family) {
            case LMU:
                return new LmuConfig(4, 8, 8, 1, 2, 0f, Nonlinearity.TANH);
            case ORIGINAL_LMU:
                return new OriginalLmuConfig(4, 8, 8, 2);
            case LSTM:
                return new LstmConfig(8, 2, !causalTask, 0f);
            case SSM:
                return new SsmConfig(4, 8, 2, 0.1f);
            default:
                return new TransformerConfig(8, 2, 1, 16, 0f);
        }
    }

    static List<TaskSpec> tasks() {
        return List.of(
                TaskSpec.sequenceClassification(2, 3),
                TaskSpec.textClassification(11, 3),
                TaskSpec.sequenceRegression(1, 2, true),
                TaskSpec.sequenceRegression(1, 2, false),
                TaskSpec.pairClassification(11, 3),
                TaskSpec.translation(11, 13),
                TaskSpec.charLanguageModel(7));
    }

    static Shape expectedOutput(TaskSpec task) {
        switch (task.kind()) {
            case TRANSLATION:
            case CHAR_LANGUAGE_MODEL:
                return new Shape(BATCH, LENGTH, task.outputSize());
            case SEQUENCE_REGRESSION:
                return task.perStepOutput() ? new Shape(BATCH, LENGTH, task.outputSize())
                        : new Shape(BATCH, task.outputSize());
            default:
                return new Shape(BATCH, task.outputSize());
        }
    }

    static ModelConfig config(TaskSpec task, ModelFamily family) {
        boolean causal = task.kind() == TaskKind.CHAR_LANGUAGE_MODEL;
        return new ModelConfig(task, small(family, causal), task.tokenInput() ? 6 : 0, 10);
    }

    /** Random inputs in the task's layout, with lengths {LENGTH, 3} where the task is padded. */
    static NDList inputs(NDManager manager, TaskSpec task) {
        Shape[] shapes = TaskModels.inputShapes(task, BATCH, LENGTH);
        NDList inputs = new NDList();
        for (int i = 0; i < shapes.length; i++) {
            if (shapes[i].dimension() == 1) {
                inputs.add(manager.create(new long[] {LENGTH, 3}));
            } else if (task.tokenInput()) {
                int vocabulary = task.kind() == TaskKind.TRANSLATION && i == 2 ? task.outputSize() : task.vocabularySize();
                inputs.add(manager.randomInteger(0, vocabulary, shapes[i], DataType.INT64));
            } else {
                inputs.add(manager.randomNormal(shapes[i]));
            }
        }
        return inputs;
    }

    static NDArray lengths(NDList inputs) {
        return inputs.get(1);
    }
}
