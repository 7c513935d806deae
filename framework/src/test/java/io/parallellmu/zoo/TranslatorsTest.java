package io.parallellmu.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.TranslateException;
import io.parallellmu.models.LmuConfig;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.nn.Nonlinearity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The forecast and text translators give what the raw block gives for the same prepared input. */
class TranslatorsTest {

    private static final List<String> VOCABULARY = List.of("<pad>", "<unk>", "good", "bad", "film", "a");

    @TempDir Path temp;

    private static <I, O> Criteria<I, O> byPath(Class<I> input, Class<O> output, Path dir) {
        return Criteria.builder().setTypes(input, output).optModelPath(dir)
                .optTranslatorFactory(new ZooTranslatorFactory()).optEngine("PyTorch").build();
    }

    private static ModelConfig textConfig() {
        return new ModelConfig(TaskSpec.textClassification(VOCABULARY.size(), 2),
                new LmuConfig(4, 5, 6, 1, 1, 0f, Nonlinearity.TANH), 4, 0);
    }

    /** Two classes, unknown id 1, at most 5 tokens. */
    private static TextClassification textTask(String tokenizer) {
        return TaskMetadata.textClassification(VOCABULARY, List.of("neg", "pos"), tokenizer, false, 1, 5);
    }

    /** A squashed model reads (tanh(x − 1) − mean) / std, and its output goes back through 1 + atanh. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void forecastIsTheLastStepsOutputInTheSeriesUnits(boolean squashed) throws Exception {
        ModelConfig config = ModelConfig.of(TaskSpec.sequenceRegression(1, 1, true),
                new LmuConfig(4, 4, 8, 1, 2, 0f, Nonlinearity.TANH));
        float mean = squashed ? -0.066f : 0.9f;
        float std = squashed ? 1f : 0.25f;
        float[] history = {0.5f, 0.7f, 1.1f, 1.2f, 0.9f, 0.6f, 0.4f};
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = ZooFixtures.initialised(config, manager, history.length);
            Path dir = ModelArtifact.write(temp.resolve("tiny-forecast"), block, config,
                    TaskMetadata.forecast(15, squashed, mean, std), ZooFixtures.card("mackey-glass")).directory();
            float[] normalised = new float[history.length];
            for (int t = 0; t < history.length; t++) {
                normalised[t] = (float) (((squashed ? Math.tanh(history[t] - 1.0) : history[t]) - mean) / std);
            }
            float[] perStep = block.forward(new ParameterStore(manager, false),
                    new NDList(manager.create(normalised).reshape(1, history.length, 1)), false).head()
                    .toFloatArray(); // (1, L, 1)
            try (ZooModel<float[], Float> model = byPath(float[].class, Float.class, dir).loadModel();
                    Predictor<float[], Float> predictor = model.newPredictor()) {
                double output = perStep[history.length - 1] * std + mean;
                double expected = squashed ? 1 + 0.5 * Math.log((1 + output) / (1 - output)) : output;
                assertEquals(expected, predictor.predict(history), 1e-5);
                TranslateException empty = assertThrows(TranslateException.class,
                        () -> predictor.predict(new float[0]));
                assertTrue(empty.getMessage().contains("tiny-forecast expects a history window of at least 1 value"),
                        empty.getMessage());
            }
        }
    }

    @Test
    void textIsTokenisedMappedThroughTheVocabularyAndCut() throws Exception {
        ModelConfig config = textConfig();
        TaskMetadata task = textTask("ai.djl.modality.nlp.preprocess.SimpleTokenizer");
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = ZooFixtures.initialised(config, manager, 5);
            Path dir = ModelArtifact.write(temp.resolve("tiny-text"), block, config, task,
                    ZooFixtures.card("imdb")).directory();
            assertEquals(VOCABULARY, ModelArtifact.read(dir).task(TextClassification.class).vocabulary());
            try (ZooModel<String, Classifications> model = byPath(String.class, Classifications.class, dir)
                            .loadModel();
                    Predictor<String, Classifications> predictor = model.newPredictor()) {
                // "great" is unknown (id 1); six tokens are cut to the trained maximum of five
                Classifications cut = predictor.predict("a great film a good film");
                assertSameAs(block, manager, new long[] {5, 1, 4, 5, 2}, cut);
                assertEquals(5, ((TextClassifications) cut).tokens(), "the tokens read, after the cut");
                assertEquals(1, ((TextClassifications) cut).unknownTokens(), "\"great\"");
                Classifications known = predictor.predict("bad film");
                assertSameAs(block, manager, new long[] {3, 4}, known);
                assertEquals(0, ((TextClassifications) known).unknownTokens());
            }
        }
    }

    @Test
    void aPairIsEncodedTextByTextAndReadAsTwoInputs() throws Exception {
        ModelConfig config = new ModelConfig(TaskSpec.pairClassification(VOCABULARY.size(), 3),
                new LmuConfig(4, 5, 6, 1, 1, 0f, Nonlinearity.TANH), 4, 5);
        List<String> labels = List.of("entailment", "neutral", "contradiction");
        TaskMetadata task = TaskMetadata.textPairClassification(VOCABULARY, labels,
                "ai.djl.modality.nlp.preprocess.SimpleTokenizer", false, 1, 5);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = ZooFixtures.initialised(config, manager, 5);
            Path dir = ModelArtifact.write(temp.resolve("tiny-pair"), block, config, task,
                    ZooFixtures.card("snli")).directory();
            try (ZooModel<TextPair, Classifications> model = byPath(TextPair.class, Classifications.class, dir)
                            .loadModel();
                    Predictor<TextPair, Classifications> predictor = model.newPredictor()) {
                TextClassifications result = (TextClassifications) predictor.predict(
                        new TextPair("a good film", "a great bad film a film"));
                float[] expected = block.forward(new ParameterStore(manager, false), new NDList(
                        manager.create(new int[] {5, 2, 4}).reshape(1, 3), manager.create(new int[] {3}),
                        manager.create(new int[] {5, 1, 3, 4, 5}).reshape(1, 5), manager.create(new int[] {5})),
                        false).head().softmax(-1).toFloatArray(); // (1, 3), the second text cut to 5 tokens
                for (int c = 0; c < labels.size(); c++) {
                    assertEquals(expected[c], result.get(labels.get(c)).getProbability(), 1e-6);
                }
                assertEquals(8, result.tokens());
                assertEquals(1, result.unknownTokens(), "\"great\"");
                TranslateException empty = assertThrows(TranslateException.class,
                        () -> predictor.predict(new TextPair("a film", " ")));
                assertTrue(empty.getMessage().contains("tiny-pair expects a second text (TextPair.second) with at"
                        + " least one token, got \" \""), empty.getMessage());
            }
        }
    }

    private static void assertSameAs(Block block, NDManager manager, long[] ids, Classifications result) {
        float[] probabilities = block.forward(new ParameterStore(manager, false),
                new NDList(manager.create(ids).reshape(1, ids.length), manager.create(new float[] {ids.length})),
                false).head().softmax(-1).toFloatArray(); // (1, 2)
        assertEquals(probabilities[0], result.get("neg").getProbability(), 1e-6);
        assertEquals(probabilities[1], result.get("pos").getProbability(), 1e-6);
    }

    @Test
    void aTokenizerMissingFromTheClassPathIsNamed() throws Exception {
        ModelConfig config = textConfig();
        TaskMetadata task = textTask("org.example.MissingTokenizer");
        try (NDManager manager = NDManager.newBaseManager()) {
            Path dir = ModelArtifact.write(temp.resolve("tiny-text"), ZooFixtures.initialised(config, manager, 5),
                    config, task, ZooFixtures.card("imdb")).directory();
            ModelNotFoundException e = assertThrows(ModelNotFoundException.class,
                    () -> byPath(String.class, Classifications.class, dir).loadModel());
            Throwable reason = e.getCause().getCause(); // Criteria's error ← the loader's ← the translator's
            assertTrue(reason.getMessage().contains("tokenizer org.example.MissingTokenizer, which is not on the"
                    + " class path"), reason.getMessage());
        }
    }
}
