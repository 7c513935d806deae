package io.parallellmu.zoo.translate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import io.parallellmu.models.BeamSettings;
import io.parallellmu.models.Decoding;
import io.parallellmu.models.Seq2SeqModel;
import io.parallellmu.zoo.TranslatedText;
import io.parallellmu.zoo.Translation;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A translation model on a sentence: encoded as its data set did (the recorded tokenizer, the stored source
 * vocabulary, unknown words to the unknown id and counted, cut to the trained length), translated by beam search
 * with the recorded width and length penalty, up to 2·Ls + 10 target tokens as the suite's beam search allows, and
 * joined into text by the tokenizer. Sentences are not batched together.
 *
 * <p>The search runs in {@link #processInput}, since it calls the model once per target token; DJL's predictor
 * then runs the model once more, teacher-forced on the chosen translation, whose scores are not needed.
 *
 * @param <O> the output: the {@link TranslatedText} or its text alone
 */
public final class SentenceTranslator<O> implements NoBatchifyTranslator<String, O> {

    private static final String RESULT = "plmu.translation";

    private final Translation task;
    private final WordEncoder encoder;
    private final Function<TranslatedText, O> output;

    private SentenceTranslator(String artifact, Translation task, Function<TranslatedText, O> output)
            throws TranslateException {
        this.task = task;
        this.encoder = new WordEncoder(artifact, task);
        this.output = output;
    }

    /**
     * Creates the translator that gives the translation with its unknown-word count.
     *
     * @param artifact the artifact id, for error messages
     * @param task the artifact's metadata
     * @return the translator
     * @throws TranslateException if the recorded tokenizer is not on the class path or cannot be created
     */
    public static SentenceTranslator<TranslatedText> counting(String artifact, Translation task)
            throws TranslateException {
        return new SentenceTranslator<>(artifact, task, Function.identity());
    }

    /**
     * Creates the translator that gives the translation's text.
     *
     * @param artifact the artifact id, for error messages
     * @param task the artifact's metadata
     * @return the translator
     * @throws TranslateException if the recorded tokenizer is not on the class path or cannot be created
     */
    public static SentenceTranslator<String> text(String artifact, Translation task) throws TranslateException {
        return new SentenceTranslator<>(artifact, task, TranslatedText::text);
    }

    /** {@inheritDoc} Translates the sentence; returns the model's teacher-forced inputs for the translation. */
    @Override
    public NDList processInput(TranslatorContext ctx, String input) throws TranslateException {
        WordEncoder.Encoded sentence = encoder.encode(input, "a sentence");
        NDManager manager = ctx.getNDManager();
        int length = sentence.ids().length;
        NDArray source = manager.create(sentence.ids()).reshape(1, length); // (1, Ls)
        NDArray sourceLength = manager.create(new int[] {length}); // (1)
        Seq2SeqModel model = (Seq2SeqModel) ctx.getModel().getBlock();
        BeamSettings beam = new BeamSettings(task.beamWidth(), task.lengthPenalty(), 2 * length + 10);
        long[] ids = Decoding.beamSearch(model, new ParameterStore(manager, false), source, sourceLength,
                task.beginId(), task.endId(), beam).get(0);
        List<String> tokens = Arrays.stream(ids).mapToObj(id -> task.outputVocabulary().get((int) id)).toList();
        ctx.setAttachment(RESULT, new TranslatedText(encoder.tokenizer().buildSentence(tokens), length,
                sentence.unknownTokens()));
        long[] targetIn = new long[ids.length + 1]; // <bos> y
        targetIn[0] = task.beginId();
        System.arraycopy(ids, 0, targetIn, 1, ids.length);
        NDArray target = manager.create(Arrays.stream(targetIn).mapToInt(id -> (int) id).toArray())
                .reshape(1, targetIn.length); // (1, Lt)
        return new NDList(source, sourceLength, target);
    }

    /** {@inheritDoc} Gives the translation found in {@link #processInput}. */
    @Override
    public O processOutput(TranslatorContext ctx, NDList list) {
        return output.apply((TranslatedText) ctx.getAttachment(RESULT));
    }
}
