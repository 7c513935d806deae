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
 * The carried scoring's layout ({@link WindowStreams}): a state restarts only where a subsampled subset skips windows
 * or where a run longer than ⌈N / B⌉ windows is cut, so that the score equals one forward over each run.
 */
class Text8ScoringStreamsTest {

    private static final TaskSpec TASK = TaskSpec.charLanguageModel(7);
    private static final int LENGTH = 5;

    @Test
    void aStreamRestartsAtEachGapInTheSubset() {
        // seven windows in three runs of consecutive ones (indices 0-2, 5-7 and 9), in two streams of at most four:
        // the runs stay whole, where cutting the subset in halves would cut the second run
        long[] indices = {0, 1, 2, 5, 6, 7, 9};
        List<int[]> runs = List.of(new int[] {0, 3}, new int[] {3, 6}, new int[] {6, 7});
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

    @Test
    void runsLongerThanABalancedStreamAreCut() {
        // ten windows, B = 3: runs 0-6 (cut after four windows) and 7-9; streams of four, three and three
        long[] indices = {0, 1, 2, 3, 4, 5, 6, 10, 11, 12};
        WindowStreams layout = WindowStreams.of(indices, indices.length, 3);
        assertEquals(List.of(List.of(0, 1, 2, 3), List.of(4, 5, 6), List.of(7, 8, 9)), layout.streams());
        assertEquals(List.of(true, false, false, false), layout.restarts().get(0));
        assertEquals(List.of(true, false, false), layout.restarts().get(2));
        assertEquals(4, layout.steps());
        assertEquals(List.of(List.of(0), List.of(1)), WindowStreams.of(new long[] {3, 4}, 2, 8).streams(),
                "B above N: one window per stream");
    }
}
