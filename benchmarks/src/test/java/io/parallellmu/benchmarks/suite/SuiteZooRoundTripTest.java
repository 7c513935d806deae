package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import io.parallellmu.datasets.text.WordTaskDataset;
import io.parallellmu.zoo.Forecast;
import io.parallellmu.zoo.ModelArtifact;
import io.parallellmu.zoo.ModelCard;
import io.parallellmu.zoo.PermutedPixels;
import io.parallellmu.zoo.PlmuModelZoo;
import io.parallellmu.zoo.TextClassification;
import io.parallellmu.zoo.ZooDirectory;
import io.parallellmu.zoo.ZooPublisher;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite's {@code --save-models} round trip on the tiny profile: the parallel LMU of psMNIST (pooled to 49
 * steps), Mackey-Glass, IMDB and text8 is trained, saved, published into a zoo directory, loaded through
 * {@code Criteria} by artifact id with the network off, and predicts what the trained model predicted in memory.
 */
class SuiteZooRoundTripTest {

    /** float32 round-off: the loaded model runs the same ops on the same weights, inputs rebuilt from raw data. */
    private static final float TOLERANCE = 1e-5f;
    private static final List<TaskId> TASKS = List.of(TaskId.PSMNIST, TaskId.MACKEY_GLASS, TaskId.IMDB,
            TaskId.TEXT8);

    @TempDir
    Path temp;

    private String previousZoo;

    @BeforeEach
    void useTemporaryZoo() {
        previousZoo = System.getProperty(ZooDirectory.PROPERTY);
        System.setProperty(ZooDirectory.PROPERTY, temp.resolve("zoo").toString());
    }

    @AfterEach
    void restoreZoo() {
        if (previousZoo == null) {
            System.clearProperty(ZooDirectory.PROPERTY);
        } else {
            System.setProperty(ZooDirectory.PROPERTY, previousZoo);
        }
    }

    @Test
    void savedModelsLoadThroughCriteriaByIdAndPredictLikeTheTrainedModels() throws Exception {
        assertEquals("true", System.getProperty("ai.djl.offline"), "the network is off, as for a user offline");
        Path data = temp.resolve("data");
        OfficialFixtures.writeAll(data);
        Path out = temp.resolve("out");
        try (NDManager manager = NDManager.newBaseManager()) {
            InMemoryPredictions trained = new InMemoryPredictions(data, manager);
            SuiteSummary summary = new SuiteRunner(TinySuites.plan(TASKS, List.of(ModelFamily.LMU), data, out, true),
                    System.out).run(result -> {}, trained);
            assertEquals(TASKS.size(), summary.finished());

            for (TaskId task : TASKS) {
                InMemoryPredictions.Recorded recorded = trained.of(task);
                assertNotNull(recorded, task + " was recorded");
                String id = task.id() + "-lmu-tiny-seed0";
                assertEquals(id, ModelSaver.artifactId(recorded.key(), "tiny"));
                ModelArtifact published = ZooPublisher.publish(out.resolve("models").resolve(id), ZooDirectory.root(),
                        false);
                ModelCard card = published.card();
                assertEquals(task.id(), card.task());
                assertEquals(TinySuites.COMMAND, card.trainingCommand(), "the card records the suite's command");
                assertEquals("official", card.dataKind(), "the fixtures are in the official layouts");
                assertFalse(card.dataChecksum().isBlank());
                switch (task) {
                    case PSMNIST -> assertPsMnist(id, published.task(PermutedPixels.class), recorded);
                    case MACKEY_GLASS -> assertForecasts(id, published.task(Forecast.class), recorded);
                    case IMDB -> assertClassifications(id, published.task(TextClassification.class), recorded);
                    default -> assertRawOutputs(id, recorded);
                }
            }
        }
    }

    /** Raw 28×28 images through the pooling translator give the in-memory model's class probabilities. */
    private static void assertPsMnist(String id, PermutedPixels task, InMemoryPredictions.Recorded recorded)
            throws Exception {
        assertEquals(4, task.poolSize(), "the tiny profile pools 4×4 to 49 steps");
        try (ZooModel<float[], Classifications> model = load(id, float[].class, Classifications.class);
                Predictor<float[], Classifications> predictor = model.newPredictor()) {
            List<Classifications> results = predictor.batchPredict(recorded.inputs());
            assertEquals(40, results.size(), "every fixture test digit");
            for (int i = 0; i < results.size(); i++) {
                assertArrayEquals(recorded.outputs().get(i), probabilities(results.get(i)), TOLERANCE,
                        "digit " + i);
            }
        }
    }

    /** Each test series in the series' own units gives the in-memory model's last forecast in those units. */
    private static void assertForecasts(String id, Forecast task, InMemoryPredictions.Recorded recorded)
            throws Exception {
        assertEquals(15, task.horizon());
        try (ZooModel<float[], Float> model = load(id, float[].class, Float.class);
                Predictor<float[], Float> predictor = model.newPredictor()) {
            for (int i = 0; i < recorded.inputs().size(); i++) {
                float[] history = recorded.inputs().get(i).clone();
                for (int t = 0; t < history.length; t++) {
                    history[t] = task.fromModel(history[t]);
                    assertTrue(history[t] > 0, "Mackey-Glass values are positive; a wrong stored mean shows here");
                }
                assertEquals(task.fromModel(recorded.outputs().get(i)[0]), predictor.predict(history), TOLERANCE,
                        "series " + i);
            }
        }
    }

    /**
     * Each test review, as text (the stored vocabulary's tokens, upper-cased so that the stored tokeniser's
     * lower-casing matters), gives the in-memory model's class probabilities.
     */
    private static void assertClassifications(String id, TextClassification task,
            InMemoryPredictions.Recorded recorded)
            throws Exception {
        assertEquals(List.of("negative", "positive"), task.labels());
        assertEquals(WordTaskDataset.tokenizer().getClass().getName(), task.tokenizer(), "the data set's tokeniser");
        assertTrue(task.lowerCase(), "with the data set's lower-casing");
        try (ZooModel<String, Classifications> model = load(id, String.class, Classifications.class);
                Predictor<String, Classifications> predictor = model.newPredictor()) {
            for (int i = 0; i < recorded.inputs().size(); i++) {
                StringBuilder text = new StringBuilder();
                for (float tokenId : recorded.inputs().get(i)) {
                    assertTrue(tokenId != task.unknownId(), "fixture reviews use training words only");
                    text.append(task.vocabulary().get((int) tokenId).toUpperCase(Locale.ROOT)).append(' ');
                }
                assertArrayEquals(recorded.outputs().get(i), probabilities(predictor.predict(text.toString())),
                        TOLERANCE, "review " + i + ": " + text);
            }
        }
    }

    /** The raw test batch through the no-op translator gives the in-memory model's raw outputs. */
    private static void assertRawOutputs(String id, InMemoryPredictions.Recorded recorded) throws Exception {
        try (ZooModel<NDList, NDList> model = load(id, NDList.class, NDList.class);
                Predictor<NDList, NDList> predictor = model.newPredictor()) {
            NDList outputs = predictor.predict(recorded.raw());
            assertEquals(recorded.outputs().size(), outputs.size());
            for (int i = 0; i < outputs.size(); i++) {
                NDArray output = outputs.get(i);
                assertArrayEquals(recorded.outputs().get(i), output.toType(DataType.FLOAT32, false).toFloatArray(),
                        TOLERANCE, "output " + i);
            }
        }
    }

    private static <I, O> ZooModel<I, O> load(String id, Class<I> input, Class<O> output) throws Exception {
        return PlmuModelZoo.loadModel(Criteria.builder()
                .setTypes(input, output)
                .optGroupId(PlmuModelZoo.GROUP_ID)
                .optArtifactId(id)
                .optEngine("PyTorch")
                .build());
    }

    /** The probabilities by class index (class names are the indices' labels in stored order). */
    private static float[] probabilities(Classifications classifications) {
        List<String> names = classifications.getClassNames();
        List<Double> values = classifications.getProbabilities();
        float[] out = new float[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).floatValue();
        }
        return out;
    }
}
