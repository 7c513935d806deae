package io.parallellmu.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.TranslateException;
import io.parallellmu.models.BeamSettings;
import io.parallellmu.models.Decoding;
import io.parallellmu.models.LmuConfig;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.models.Seq2SeqModel;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.nn.Nonlinearity;
import io.parallellmu.text.EntityWordTokenizer;
import io.parallellmu.zoo.stream.StreamingPredictor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The translation, character-model and per-step forecast translators give what the raw block gives for the same
 * prepared input, count unknown tokens, and name bad input.
 */
class SequenceTranslatorsTest {

    /** Source words as the IWSLT release stores them: entities escaped. */
    private static final List<String> SOURCE = List.of("<pad>", "<unk>", "<bos>", "<eos>", "I", "don&apos;t", "go",
            "&amp;", "stay", ".");
    private static final List<String> TARGET = List.of("<pad>", "<unk>", "<bos>", "<eos>", "tôi", "không", "đi",
            "&amp;", "ở", ".", "&quot;");
    private static final List<String> ALPHABET = List.of(" ", "a", "b", "c", "d", "e");
    private static final ModelConfig CHARACTER_CONFIG = new ModelConfig(TaskSpec.charLanguageModel(ALPHABET.size()),
            new LmuConfig(4, 8, 8, 2, 2, 0f, Nonlinearity.TANH), 5, 0);

    @TempDir Path temp;

    private static <I, O> ZooModel<I, O> load(Class<I> input, Class<O> output, Path dir) throws Exception {
        return Criteria.builder().setTypes(input, output).optModelPath(dir)
                .optTranslatorFactory(new ZooTranslatorFactory()).optEngine("PyTorch").build().loadModel();
    }

    /** Beam width 3, α 0.6, sources cut to 4 words. */
    private static Translation translationTask() {
        return TaskMetadata.translation(SOURCE, TARGET, EntityWordTokenizer.class.getName(), false, 1, 4, 2, 3, 3,
                0.6f);
    }

    @Test
    void aSentenceIsTokenisedEscapedCutAndTranslatedByBeamSearch() throws Exception {
        ModelConfig config = new ModelConfig(TaskSpec.translation(SOURCE.size(), TARGET.size()),
                new LmuConfig(4, 8, 8, 1, 2, 0f, Nonlinearity.TANH), 6, 10);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = ZooFixtures.initialised(config, manager, 4);
            Path dir = ModelArtifact.write(temp.resolve("tiny-translation"), block, config, translationTask(),
                    ZooFixtures.card("iwslt15-en-vi")).directory();
            // "don't" and "&" are escaped as in the release, "really" is unknown, and the fifth word on is cut
            long[] ids = {5, 1, 7, 6};
            long[] expected = Decoding.beamSearch((Seq2SeqModel) block, new ParameterStore(manager, false),
                    manager.create(ids).reshape(1, 4), manager.create(new long[] {4}), 2, 3,
                    new BeamSettings(3, 0.6, 2 * 4 + 10)).get(0);
            List<String> tokens = Arrays.stream(expected).mapToObj(id -> TARGET.get((int) id)).toList();
            String text = new EntityWordTokenizer(false).buildSentence(tokens);
            try (ZooModel<String, TranslatedText> model = load(String.class, TranslatedText.class, dir);
                    Predictor<String, TranslatedText> predictor = model.newPredictor()) {
                TranslatedText result = predictor.predict("don't really & go stay .");
                assertEquals(new TranslatedText(text, 4, 1), result);
                assertTrue(!text.contains("&amp;") && !text.contains("&quot;"), "entities decoded: " + text);
            }
            try (ZooModel<String, String> model = load(String.class, String.class, dir);
                    Predictor<String, String> predictor = model.newPredictor()) {
                assertEquals(text, predictor.predict("don't really & go stay ."));
                TranslateException empty = assertThrows(TranslateException.class, () -> predictor.predict(" \t"));
                assertEquals("tiny-translation expects a sentence with at least one token, got \" \t\"",
                        empty.getMessage());
            }
        }
    }

    /** Writes a two-layer character model over {@link #ALPHABET}, lower-casing, unknown characters read as space. */
    private Path characterArtifact(String name, Block block) throws Exception {
        return ModelArtifact.write(temp.resolve(name), block, CHARACTER_CONFIG,
                TaskMetadata.characterModel(ALPHABET, true, 0), ZooFixtures.card("text8")).directory();
    }

    @Test
    void aPrefixIsLowerCasedUnknownCharactersReadAsTheUnknownIdAndTheLastStepClassified() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = ZooFixtures.initialised(CHARACTER_CONFIG, manager, 6);
            Path dir = characterArtifact("tiny-characters", block);
            NDArray logits = block.forward(new ParameterStore(manager, false),
                    new NDList(manager.create(new long[] {2, 1, 0, 0, 3, 5}).reshape(1, 6)), false).head(); // (1, L, V)
            float[] expected = logits.get("0, -1").softmax(-1).toFloatArray();
            try (ZooModel<String, Classifications> model = load(String.class, Classifications.class, dir);
                    Predictor<String, Classifications> predictor = model.newPredictor();
                    StreamingPredictor stream = StreamingPredictor.of(model)) {
                // "!" and "z" are outside the alphabet: read as the space, id 0, and counted
                TextClassifications result = (TextClassifications) predictor.predict("BA!zCE");
                assertEquals(6, result.tokens());
                assertEquals(2, result.unknownTokens());
                assertEquals(ALPHABET, result.getClassNames());
                assertProbabilities(expected, result, 1e-6);
                float[] streamed = null;
                for (long id : new long[] {2, 1, 0, 0, 3, 5}) {
                    streamed = stream.stepToken(id);
                }
                NDArray last = manager.create(streamed).softmax(-1);
                assertProbabilities(last.toFloatArray(), result, 1e-5);
                TranslateException empty = assertThrows(TranslateException.class, () -> predictor.predict(""));
                assertEquals("tiny-characters expects a prefix of at least one character, got \"\"",
                        empty.getMessage());
            }
        }
    }

    private static void assertProbabilities(float[] expected, Classifications result, double tolerance) {
        List<Double> actual = result.getProbabilities();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.get(i), tolerance, "class " + i);
        }
    }

    @Test
    void generationIsDeterministicForASeedAndGreedyAtTemperatureZero() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = ZooFixtures.initialised(CHARACTER_CONFIG, manager, 6);
            Path dir = characterArtifact("tiny-generator", block);
            try (ZooModel<String, Classifications> model = load(String.class, Classifications.class, dir);
                    Predictor<String, Classifications> predictor = model.newPredictor()) {
                TextGenerator generator = new TextGenerator(predictor);
                String greedy = generator.generate("abc", 5, 0, 1);
                StringBuilder expected = new StringBuilder("abc");
                for (int i = 0; i < 5; i++) {
                    expected.append(predictor.predict(expected.toString()).best().getClassName());
                }
                assertEquals(expected.substring(3), greedy);
                assertEquals(greedy, generator.generate("abc", 5, 0, 99), "the seed does not matter when greedy");
                String sampled = generator.generate("abc", 12, 5.0, 7);
                assertEquals(12, sampled.length());
                assertEquals(sampled, generator.generate("abc", 12, 5.0, 7));
                assertNotEquals(sampled, generator.generate("abc", 12, 5.0, 8), "a flat distribution, other draws");
                assertEquals("", generator.generate("abc", 0, 1.0, 7));
                assertThrows(IllegalArgumentException.class, () -> generator.generate("abc", 3, -1, 7));
                assertThrows(TranslateException.class, () -> generator.generate("", 3, 1.0, 7));
            }
        }
    }

    @Test
    void aHistoryGivesTheForecastAtEveryStepAndMustHoldTheHorizon() throws Exception {
        ModelConfig config = ModelConfig.of(TaskSpec.sequenceRegression(1, 1, true),
                new LmuConfig(4, 4, 8, 1, 2, 0f, Nonlinearity.TANH));
        Forecast task = TaskMetadata.forecast(3, true, -0.066f, 1f);
        float[] history = {0.5f, 0.7f, 1.1f, 1.2f, 0.9f};
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = ZooFixtures.initialised(config, manager, history.length);
            Path dir = ModelArtifact.write(temp.resolve("tiny-series"), block, config, task,
                    ZooFixtures.card("mackey-glass")).directory();
            float[] normalised = new float[history.length];
            for (int t = 0; t < history.length; t++) {
                normalised[t] = task.toModel(history[t]);
            }
            float[] perStep = block.forward(new ParameterStore(manager, false),
                    new NDList(manager.create(normalised).reshape(1, history.length, 1)), false).head()
                    .toFloatArray(); // (1, L, 1)
            float[] expected = new float[history.length];
            for (int t = 0; t < history.length; t++) {
                expected[t] = task.fromModel(perStep[t]);
            }
            try (ZooModel<float[], float[]> model = load(float[].class, float[].class, dir);
                    Predictor<float[], float[]> predictor = model.newPredictor()) {
                assertArrayEquals(expected, predictor.predict(history), 1e-5f);
                TranslateException tooShort = assertThrows(TranslateException.class,
                        () -> predictor.predict(new float[] {0.5f, 0.7f}));
                assertEquals("tiny-series expects a history window of at least 3 values, got 2",
                        tooShort.getMessage());
            }
        }
    }
}
