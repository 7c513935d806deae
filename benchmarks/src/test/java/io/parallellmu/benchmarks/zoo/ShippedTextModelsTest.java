package io.parallellmu.benchmarks.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.TranslateException;
import io.parallellmu.datasets.text.TextVocabulary;
import io.parallellmu.datasets.text.WordTaskDataset;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.zoo.ModelArtifact;
import io.parallellmu.zoo.PlmuModelZoo;
import io.parallellmu.zoo.TaskMetadata;
import io.parallellmu.zoo.TextClassification;
import io.parallellmu.zoo.TextClassifications;
import io.parallellmu.zoo.TextPair;
import io.parallellmu.zoo.TextPairClassification;
import io.parallellmu.zoo.WordEncoding;
import io.parallellmu.zoo.stream.PairStreamingPredictor;
import io.parallellmu.zoo.stream.StreamingPredictor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped text models (IMDB, QQP, SNLI; trained by the suite's quick profile, see each card's command), loaded
 * through {@code Criteria} by artifact id with the network off (Surefire sets {@code ai.djl.offline=true}):
 * their test metric on the suite's test records of their data matches their card; their translators encode a text
 * exactly as the data set does (the same vocabulary, tokeniser, unknown id and cut), count its unknown words and
 * refuse an empty text by name; and the same weights streamed one token at a time give the parallel pass's logits.
 */
class ShippedTextModelsTest {

    private static final float STREAM_TOLERANCE = 1e-5f;
    private static final List<String> MAILS = List.of(
            "Dear friend, you have WON a free prize! Click here: http://example.com to claim it NOW.",
            "Hi Bob, the meeting moved to Tuesday at 10am; I'll send the agenda. Don't forget the slides.",
            "zzqxv blorfic wibblesnatch");

    @Test
    void imdbStandIn() throws Exception {
        TaskMetadata data = check(TaskId.IMDB, "imdb-standin-lmu");
        try (ZooModel<String, Classifications> model = PlmuModelZoo.loadModel(
                        PlmuModelZoo.criteria("imdb-standin-lmu", String.class, Classifications.class));
                Predictor<String, Classifications> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager()) {
            TextClassification task = ModelArtifact.read(model.getModelPath()).task(TextClassification.class);
            assertEquals(((TextClassification) data).vocabulary(), task.vocabulary(),
                    "the model's ids are the data set's");
            for (String text : MAILS) {
                int[] ids = datasetIds(task, text);
                float[] parallel = forward(model.getBlock(), manager, ids);
                TextClassifications result = (TextClassifications) predictor.predict(text);
                assertProbabilities(parallel, task.labels(), result, text);
                assertCounts(ids, result, text);
                try (StreamingPredictor stream = StreamingPredictor.of(model)) {
                    float[] streamed = null;
                    for (int id : ids) {
                        streamed = stream.stepToken(id);
                    }
                    assertClose(parallel, streamed, text);
                }
            }
            assertRefuses("imdb-standin-lmu expects a text with at least one token, got \"  \"",
                    () -> predictor.predict("  "));
        }
    }

    @Test
    void qqpSynthetic() throws Exception {
        checkPairs(TaskId.QQP, "qqp-synthetic-lmu");
    }

    @Test
    void snliSynthetic() throws Exception {
        checkPairs(TaskId.SNLI, "snli-synthetic-lmu");
    }

    private static void checkPairs(TaskId taskId, String id) throws Exception {
        TaskMetadata data = check(taskId, id);
        try (ZooModel<TextPair, Classifications> model = PlmuModelZoo.loadModel(
                        PlmuModelZoo.criteria(id, TextPair.class, Classifications.class));
                Predictor<TextPair, Classifications> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager()) {
            TextPairClassification task = ModelArtifact.read(model.getModelPath()).task(TextPairClassification.class);
            assertEquals(((TextPairClassification) data).vocabulary(), task.vocabulary(),
                    "the model's ids are the data set's");
            List<String> words = task.vocabulary().subList(4, Math.min(40, task.vocabulary().size()));
            List<TextPair> pairs = List.of(
                    new TextPair(sentence(words, 0, 7), sentence(words, 3, 9)),
                    new TextPair(sentence(words, 5, 6) + " Quixotically?", "The " + sentence(words, 11, 4) + "!"));
            for (TextPair pair : pairs) {
                int[] first = datasetIds(task, pair.first());
                int[] second = datasetIds(task, pair.second());
                float[] parallel = forward(model.getBlock(), manager, first, second);
                TextClassifications result = (TextClassifications) predictor.predict(pair);
                assertProbabilities(parallel, task.labels(), result, pair.toString());
                assertCounts(concat(first, second), result, pair.toString());
                try (PairStreamingPredictor stream = PairStreamingPredictor.of(model)) {
                    Arrays.stream(first).forEach(stream::stepFirst);
                    Arrays.stream(second).forEach(stream::stepSecond);
                    assertClose(parallel, stream.logits(), pair.toString());
                }
            }
            assertRefuses(id + " expects a second text (TextPair.second) with at least one token, got \"\"",
                    () -> predictor.predict(new TextPair("Is it?", "")));
        }
    }

    /**
     * Checks the model's test metric against its card (within 0.005) and returns the metadata the data set gives a
     * model now.
     */
    private static TaskMetadata check(TaskId taskId, String id) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            return CardCheck.matchesCard(taskId, id, card -> 0.005, manager).metadata();
        }
    }

    /** The ids the data set gives a text: its tokeniser, its vocabulary's lookup, cut to the trained length. */
    private static int[] datasetIds(WordEncoding task, String text) {
        TextVocabulary vocabulary = TextVocabulary.ofOrderedTokens(task.vocabulary(), task.vocabulary().size());
        assertEquals(task.vocabulary(), vocabulary.tokens(), "the vocabulary starts with the special tokens");
        int[] ids = vocabulary.encode(WordTaskDataset.tokenizer().tokenize(text));
        return Arrays.copyOf(ids, Math.min(ids.length, task.maxLength()));
    }

    private static String sentence(List<String> words, int from, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(words.get((from + 5 * i) % words.size()));
        }
        return text.toString();
    }

    /** The raw block's logits for texts given as ids, each with its length, as the data set's batches hold them. */
    private static float[] forward(Block block, NDManager manager, int[]... texts) {
        NDList inputs = new NDList();
        for (int[] ids : texts) {
            inputs.add(manager.create(ids).reshape(1, ids.length)); // (1, L)
            inputs.add(manager.create(new int[] {ids.length})); // (1)
        }
        return block.forward(new ParameterStore(manager, false), inputs, false).head().toFloatArray(); // (1, C)
    }

    private static void assertProbabilities(float[] logits, List<String> labels, Classifications result,
            String text) {
        double max = Arrays.stream(toDoubles(logits)).max().orElseThrow();
        double sum = Arrays.stream(toDoubles(logits)).map(l -> Math.exp(l - max)).sum();
        for (int c = 0; c < labels.size(); c++) {
            assertEquals(Math.exp(logits[c] - max) / sum, result.get(labels.get(c)).getProbability(), 1e-5,
                    labels.get(c) + " for " + text);
        }
    }

    private static void assertCounts(int[] ids, TextClassifications result, String text) {
        assertEquals(ids.length, result.tokens(), text);
        assertEquals(Arrays.stream(ids).filter(id -> id == TextVocabulary.UNK_ID).count(), result.unknownTokens(),
                "unknown words of " + text);
    }

    private static void assertClose(float[] expected, float[] actual, String text) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], STREAM_TOLERANCE, "streamed logit " + i + " of " + text);
        }
    }

    private static void assertRefuses(String message, PredictCall call) {
        TranslateException e = assertThrows(TranslateException.class, call::run);
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A prediction expected to fail. */
    @FunctionalInterface
    private interface PredictCall {
        void run() throws Exception;
    }
}
