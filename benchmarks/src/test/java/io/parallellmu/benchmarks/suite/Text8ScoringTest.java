package io.parallellmu.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
import io.parallellmu.datasets.DataSource;
import io.parallellmu.metrics.BitsPerCharacter;
import io.parallellmu.models.FamilyConfig;
import io.parallellmu.models.LmuConfig;
import io.parallellmu.models.LstmConfig;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.models.SsmConfig;
import io.parallellmu.models.TaskModels;
import io.parallellmu.models.TransformerConfig;
import io.parallellmu.nn.Nonlinearity;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * text8's test BPC carries context across windows, checked end to end on the official-format fixture against
 * independent computations: the recurrent families' score equals one forward over each stream's whole text (one
 * stream: over the whole test text), and the transformer's scores each window after the preceding one. Both differ
 * from scoring each window from an empty state.
 */
class Text8ScoringTest {

    private static final int LENGTH = 24;

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(value = ModelFamily.class, names = {"LMU", "LSTM", "SSM"})
    void recurrentFamiliesScoreEachStreamAsOneForward(ModelFamily family) throws Exception {
        assertCarried(family, 4);
    }

    @Test
    void withOneStreamTheLmuScoresTheWholeTestTextAsOneForward() throws Exception {
        assertCarried(ModelFamily.LMU, 1);
    }

    @Test
    void theTransformerScoresEachWindowAfterThePrecedingWindow() throws Exception {
        try (NDManager manager = NDManager.newBaseManager(); Model model = Model.newInstance("text8-context")) {
            TaskData data = load(manager, 4);
            initialise(model, data, new TransformerConfig(8, 2, 1, 16, 0f));
            BitsPerCharacter expected = new BitsPerCharacter();
            ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
            NDArray previous = null;
            for (long i = 0; i < data.test().size(); i++) {
                Record record = data.test().get(manager, i);
                NDArray x = record.getData().head().expandDims(0); // (1, L)
                NDArray y = record.getLabels().head().expandDims(0); // (1, L)
                NDArray input = previous == null ? x : previous.concat(x, 1); // (1, 2L) after the first window
                NDArray logits = model.getBlock().forward(parameters, new NDList(input), false).head();
                expected.update(new NDList(y), new NDList(logits.get(new NDIndex(":, {}:", input.getShape().get(1) - LENGTH))));
                previous = x;
            }
            assertScores(expected.value(), model, data);
        }
    }

    /**
     * Lays the test windows out as the scoring does (up to {@code batch} contiguous streams) and scores each stream's
     * concatenated windows in one forward from the zero state.
     */
    private void assertCarried(ModelFamily family, int batch) throws Exception {
        try (NDManager manager = NDManager.newBaseManager(); Model model = Model.newInstance("text8-carried")) {
            TaskData data = load(manager, batch);
            initialise(model, data, switch (family) {
                // θ of two windows, so that the state carried into a window changes every prediction in it
                case LMU -> new LmuConfig(4, 2 * LENGTH, 8, 2, 2, 0f, Nonlinearity.TANH);
                case LSTM -> new LstmConfig(8, 2, false, 0f);
                default -> new SsmConfig(4, 8, 2, 0f);
            });
            int windows = Math.toIntExact(data.test().size());
            int streams = Math.min(batch, windows);
            int perStream = (windows + streams - 1) / streams;
            BitsPerCharacter expected = new BitsPerCharacter();
            ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
            for (int first = 0; first < windows; first += perStream) {
                NDList x = new NDList();
                NDList y = new NDList();
                for (int window = first; window < Math.min(first + perStream, windows); window++) {
                    Record record = data.test().get(manager, window);
                    x.add(record.getData().head());
                    y.add(record.getLabels().head());
                }
                NDArray text = NDArrays.concat(x).expandDims(0); // (1, k·L): the stream's whole text
                NDArray logits = model.getBlock().forward(parameters, new NDList(text), false).head();
                expected.update(new NDList(NDArrays.concat(y).expandDims(0)), new NDList(logits));
            }
            assertScores(expected.value(), model, data);
        }
    }

    private TaskData load(NDManager manager, int batch) throws Exception {
        OfficialFixtures.writeAll(temp);
        TaskSettings settings = TaskSettings.limits(32, 8, 0).length(LENGTH).vocabulary(27)
                .batchSize(batch).epochs(1).learningRate(0.01f); // the whole test split
        TaskData data = Tasks.of(TaskId.TEXT8).load(new DataRequest(temp, DataSource.OFFICIAL, settings, manager,
                new PrintStream(OutputStream.nullOutputStream())));
        assertTrue(data.test().size() > 2 * batch, "several test windows per stream: " + data.test().size());
        return data;
    }

    private static void initialise(Model model, TaskData data, FamilyConfig family) {
        Engine.getInstance().setRandomSeed(7); // the same weights on every run
        model.setBlock(TaskModels.create(new ModelConfig(data.spec(), family, 8, 8)));
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, TaskModels.inputShapes(data.spec(), 1, LENGTH));
    }

    private static void assertScores(double expected, Model model, TaskData data) {
        double score = data.score(model).value();
        assertEquals(expected, score, 1e-5, "BPC with context carried");
        double withoutContext = Evaluation.over(model, data.test(), new BitsPerCharacter());
        assertTrue(Math.abs(withoutContext - score) > 1e-4,
                "the context changes the score: " + withoutContext + " vs " + score);
    }
}
