package io.parallellmu.benchmarks.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.ArrayDataset;
import io.parallellmu.metrics.BitsPerCharacter;
import io.parallellmu.models.LmuConfig;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.models.TaskModels;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.nn.Nonlinearity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The carried scoring's layout: windows in up to B contiguous streams, a stream's state reset at its first window
 * and wherever a subsampled subset skips windows, so that the score equals one forward over each run of consecutive
 * windows within a stream.
 */
class Text8ScoringStreamsTest {

    private static final TaskSpec TASK = TaskSpec.charLanguageModel(7);
    private static final int LENGTH = 5;

    @Test
    void aStreamRestartsAtEachGapInTheSubset() {
        // seven windows in two streams of four and three: windows 0-3 (indices 0, 1, 2, 5) and 4-6 (6, 7, 9)
        long[] indices = {0, 1, 2, 5, 6, 7, 9};
        List<int[]> runs = List.of(new int[] {0, 3}, new int[] {3, 4}, new int[] {4, 6}, new int[] {6, 7});
        try (NDManager manager = NDManager.newBaseManager(); Model model = Model.newInstance("streams")) {
            model.setBlock(TaskModels.create(
                    new ModelConfig(TASK, new LmuConfig(4, 8, 8, 2, 2, 0f, Nonlinearity.TANH), 6, 8)));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, TaskModels.inputShapes(TASK, 1, LENGTH));
            Shape shape = new Shape(indices.length, LENGTH);
            NDArray x = manager.randomInteger(0, TASK.vocabularySize(), shape, DataType.INT64);
            NDArray y = manager.randomInteger(0, TASK.vocabularySize(), shape, DataType.INT64);
            ArrayDataset test = new ArrayDataset.Builder().setData(x).optLabels(y).setSampling(2, false).build();

            double score = new Text8Scoring(indices, 2).score(model, test).value();

            BitsPerCharacter expected = new BitsPerCharacter();
            ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
            for (int[] run : runs) {
                NDArray text = x.get("{}:{}", run[0], run[1]).reshape(1, -1); // (1, k·L): the run's windows in a row
                NDArray logits = model.getBlock().forward(parameters, new NDList(text), false).head();
                expected.update(new NDList(y.get("{}:{}", run[0], run[1]).reshape(1, -1)), new NDList(logits));
            }
            assertEquals(expected.value(), score, 1e-5);
        }
    }
}
