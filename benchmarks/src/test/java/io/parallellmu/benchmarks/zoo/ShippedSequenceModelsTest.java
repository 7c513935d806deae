package io.parallellmu.benchmarks.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Record;
import ai.djl.translate.TranslateException;
import io.parallellmu.benchmarks.tasks.TaskData;
import io.parallellmu.datasets.text.TextVocabulary;
import io.parallellmu.models.BeamSettings;
import io.parallellmu.models.Decoding;
import io.parallellmu.models.Seq2SeqModel;
import io.parallellmu.text.EntityWordTokenizer;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.zoo.CharacterModel;
import io.parallellmu.zoo.ModelArtifact;
import io.parallellmu.zoo.PlmuModelZoo;
import io.parallellmu.zoo.TextClassifications;
import io.parallellmu.zoo.TextGenerator;
import io.parallellmu.zoo.TranslatedText;
import io.parallellmu.zoo.Translation;
import io.parallellmu.zoo.stream.StreamingPredictor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped IWSLT and text8 models (trained by the suite on the stand-ins, see each card's command), loaded through {@code Criteria} by artifact id with the network off (Surefire sets
 * {@code ai.djl.offline=true}): their test metric, scored as the suite scored it, matches their card (BLEU within
 * 0.5 points; bits per character within 0.005, half a point of the metric's second decimal, which is how the
 * suite's tables report it); their translators read text exactly as the data set does, count unknown words or
 * characters and refuse an empty input by name; the character model streamed one character at a time gives the
 * parallel pass's logits.
 */
class ShippedSequenceModelsTest {

    static final String IWSLT = "iwslt-standin-lmu";
    static final String TEXT8 = "text8-standin-lmu";
    private static final float STREAM_TOLERANCE = 1e-5f;
    /** A word no vocabulary holds. */
    private static final String UNKNOWN_WORD = "Qwxzvq";

    @Test
    void iwsltStandIn() throws Exception {
        try (ZooModel<String, TranslatedText> model = PlmuModelZoo.loadModel(
                        PlmuModelZoo.criteria(IWSLT, String.class, TranslatedText.class));
                Predictor<String, TranslatedText> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager()) {
            TaskData data = CardCheck.matchesCard(TaskId.IWSLT15_EN_VI, IWSLT, card -> 0.5, manager);
            Translation task = ModelArtifact.read(model.getModelPath()).task(Translation.class);
            Translation expected = (Translation) data.metadata();
            assertEquals(expected.vocabulary(), task.vocabulary(), "the model's source ids are the data set's");
            assertEquals(expected.outputVocabulary(), task.outputVocabulary());
            EntityWordTokenizer tokenizer = new EntityWordTokenizer(task.lowerCase());
            for (long index = 0; index < Math.min(3, data.test().size()); index++) {
                int[] ids = sourceIds(data.test().get(manager, index));
                // the source as a person would write it: the stand-in's tokens joined, entities decoded, and a word
                // outside the vocabulary where the data set read one
                String sentence = tokenizer.buildSentence(Arrays.stream(ids)
                        .mapToObj(id -> id == TextVocabulary.UNK_ID ? UNKNOWN_WORD : task.vocabulary().get(id)).toList());
                int unknownWords = (int) Arrays.stream(ids).filter(id -> id == TextVocabulary.UNK_ID).count();
                assertEquals(new TranslatedText(beamSearch(model, manager, task, ids, tokenizer), ids.length,
                        unknownWords), predictor.predict(sentence), sentence);
            }
            TranslateException empty = assertThrows(TranslateException.class, () -> predictor.predict(" "));
            assertEquals(IWSLT + " expects a sentence with at least one token, got \" \"", empty.getMessage());
        }
    }

    /** A test record's source ids, without padding. */
    private static int[] sourceIds(Record record) {
        NDList inputs = record.getData(); // [source (Ls), length (), target in (Lt), target length ()]
        int length = inputs.get(1).toType(DataType.INT32, false).getInt();
        return Arrays.copyOf(inputs.get(0).toType(DataType.INT32, false).toIntArray(), length);
    }

    /** The metadata's beam search on the ids, joined into text by the data set's tokeniser. */
    private static String beamSearch(ZooModel<?, ?> model, NDManager manager, Translation task, int[] ids,
            EntityWordTokenizer tokenizer) {
        long[] found = Decoding.beamSearch((Seq2SeqModel) model.getBlock(), new ParameterStore(manager, false),
                manager.create(ids).reshape(1, ids.length), manager.create(new int[] {ids.length}), task.beginId(),
                task.endId(), new BeamSettings(task.beamWidth(), task.lengthPenalty(), 2 * ids.length + 10)).get(0);
        return tokenizer.buildSentence(Arrays.stream(found).mapToObj(id -> task.outputVocabulary().get((int) id))
                .toList());
    }

    @Test
    void text8StandIn() throws Exception {
        try (ZooModel<String, Classifications> model = PlmuModelZoo.loadModel(
                        PlmuModelZoo.criteria(TEXT8, String.class, Classifications.class));
                Predictor<String, Classifications> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager()) {
            TaskData data = CardCheck.matchesCard(TaskId.TEXT8, TEXT8, card -> 0.005, manager);
            CharacterModel task = ModelArtifact.read(model.getModelPath()).task(CharacterModel.class);
            assertEquals(((CharacterModel) data.metadata()).vocabulary(), task.vocabulary(),
                    "the model's ids are the data set's");
            String prefix = "The 2 cats sat on the mat, and";
            List<Integer> ids = new ArrayList<>();
            int unknown = 0;
            for (char c : prefix.toLowerCase().toCharArray()) {
                int id = task.vocabulary().indexOf(String.valueOf(c));
                unknown += id < 0 ? 1 : 0;
                ids.add(id < 0 ? task.unknownId() : id);
            }
            NDArray input = manager.create(ids.stream().mapToInt(Integer::intValue).toArray()).reshape(1, ids.size());
            NDArray logits = model.getBlock().forward(new ParameterStore(manager, false), new NDList(input), false)
                    .head().get("0, -1"); // (V)
            TextClassifications result = (TextClassifications) predictor.predict(prefix);
            assertEquals(2, unknown, "the digit and the comma");
            assertEquals(unknown, result.unknownTokens());
            assertEquals(prefix.length(), result.tokens());
            float[] probabilities = logits.softmax(-1).toFloatArray();
            for (int i = 0; i < probabilities.length; i++) {
                assertEquals(probabilities[i], result.getProbabilities().get(i), 1e-6, task.vocabulary().get(i));
            }
            try (StreamingPredictor stream = StreamingPredictor.of(model)) {
                float[] streamed = null;
                for (int id : ids) {
                    streamed = stream.stepToken(id);
                }
                float[] parallel = logits.toFloatArray();
                for (int i = 0; i < parallel.length; i++) {
                    assertEquals(parallel[i], streamed[i], STREAM_TOLERANCE, "logit of " + task.vocabulary().get(i));
                }
            }
            TextGenerator generator = new TextGenerator(predictor);
            String text = generator.generate("the ", 20, 0.8, 5);
            assertEquals(text, generator.generate("the ", 20, 0.8, 5), "the same seed, the same text");
            assertTrue(text.chars().allMatch(c -> c == ' ' || (c >= 'a' && c <= 'z')), text);
            TranslateException empty = assertThrows(TranslateException.class, () -> predictor.predict(""));
            assertEquals(TEXT8 + " expects a prefix of at least one character, got \"\"", empty.getMessage());
        }
    }
}
