package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.TaskId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Record;
import io.parallellmu.benchmarks.tasks.DataRequest;
import io.parallellmu.benchmarks.tasks.Evaluation;
import io.parallellmu.benchmarks.tasks.TaskData;
import io.parallellmu.benchmarks.tasks.TaskSettings;
import io.parallellmu.benchmarks.tasks.Tasks;
import io.parallellmu.benchmarks.tasks.TestScore;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.metrics.BitsPerCharacter;
import io.parallellmu.models.LstmConfig;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.models.TaskModels;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * text8's test BPC carries context across windows: each window is scored after the preceding one, as an
 * independent computation over the two windows' concatenated text shows, and so differs from scoring each window
 * from an empty state.
 */
class Text8ContextTest {

    @TempDir
    Path temp;

    @Test
    void eachWindowIsScoredAfterThePrecedingWindow() throws Exception {
        OfficialFixtures.writeAll(temp);
        TaskSettings settings = TaskSettings.limits(32, 8, 0).length(24).vocabulary(27)
                .batchSize(4).epochs(1).learningRate(0.01f); // the whole test split
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("text8-context")) {
            TaskData data = Tasks.of(TaskId.TEXT8).load(new DataRequest(temp, DataSource.OFFICIAL, settings, manager,
                    new PrintStream(OutputStream.nullOutputStream())));
            ModelConfig config = new ModelConfig(data.spec(), new LstmConfig(8, 1, false, 0f), 8, 8);
            model.setBlock(TaskModels.create(config));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32,
                    TaskModels.inputShapes(data.spec(), 1, settings.length()));

            TestScore score = data.score(model);

            BitsPerCharacter expected = new BitsPerCharacter();
            ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
            NDArray previous = null;
            long windows = data.test().size();
            assertTrue(windows > 2, "several test windows: " + windows);
            for (long i = 0; i < windows; i++) {
                Record record = data.test().get(manager, i);
                NDArray x = record.getData().head().expandDims(0); // (1, L)
                NDArray y = record.getLabels().head().expandDims(0); // (1, L)
                NDArray input = previous == null ? x : previous.concat(x, 1); // (1, 2L) after the first window
                NDArray logits = model.getBlock().forward(parameters, new NDList(input), false).head();
                NDArray scored = logits.get(new NDIndex(":, {}:", input.getShape().get(1) - settings.length()));
                expected.update(new NDList(y), new NDList(scored));
                previous = x;
            }
            assertEquals(expected.value(), score.value(), 1e-4, "context BPC");
            double withoutContext = Evaluation.over(model, data.test(), new BitsPerCharacter());
            assertTrue(Math.abs(withoutContext - score.value()) > 1e-5,
                    "the context changes the score: " + withoutContext + " vs " + score.value());
        }
    }
}
