package io.parallellmu.zoo.translate;

import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.parallellmu.zoo.TextClassifications;
import io.parallellmu.zoo.WordEncoding;
import java.util.List;

/**
 * The frame of the word-level classifiers' translators: the input's texts are encoded as the data set did
 * ({@link WordEncoder}), each given to the model as {@code [ids (1, L), L (1)]} (INT32, the layout of the data set's
 * batches), and the logits read as {@link TextClassifications}, which count the tokens and the unknown ones. Inputs
 * are not batched together, since their lengths differ.
 *
 * @param <I> the input type
 */
abstract class WordClassificationTranslator<I> implements Translator<I, Classifications> {

    private static final String TOKENS = "plmu.tokens";
    private static final String UNKNOWN = "plmu.unknownTokens";

    private final List<String> labels;
    private final WordEncoder encoder;

    /**
     * Creates the translator.
     *
     * @param artifact the artifact id, for error messages
     * @param encoding how the artifact's texts are encoded
     * @param labels the class names, by class index
     * @throws TranslateException if the recorded tokenizer is not on the class path or cannot be created
     */
    WordClassificationTranslator(String artifact, WordEncoding encoding, List<String> labels)
            throws TranslateException {
        this.labels = labels;
        this.encoder = new WordEncoder(artifact, encoding);
    }

    /**
     * Returns the input's texts in the model's input order.
     *
     * @param input the input
     * @return the texts
     * @throws TranslateException if the input is missing
     */
    abstract List<Text> texts(I input) throws TranslateException;

    /**
     * One text of an input.
     *
     * @param text the text, possibly {@code null} or empty (which {@link WordEncoder} refuses)
     * @param what what it is, for error messages, such as {@code "a text"}
     */
    record Text(String text, String what) {}

    /** {@inheritDoc} */
    @Override
    public NDList processInput(TranslatorContext ctx, I input) throws TranslateException {
        NDManager manager = ctx.getNDManager();
        NDList inputs = new NDList();
        int tokens = 0;
        int unknown = 0;
        for (Text text : texts(input)) {
            WordEncoder.Encoded encoded = encoder.encode(text.text(), text.what());
            int length = encoded.ids().length;
            inputs.add(manager.create(encoded.ids()).reshape(1, length)); // (1, L)
            inputs.add(manager.create(new int[] {length})); // (1) valid length
            tokens += length;
            unknown += encoded.unknownTokens();
        }
        ctx.setAttachment(TOKENS, tokens);
        ctx.setAttachment(UNKNOWN, unknown);
        return inputs;
    }

    /** {@inheritDoc} */
    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list) {
        NDArray probabilities = list.singletonOrThrow().toType(DataType.FLOAT32, false).softmax(-1).reshape(-1); // (C)
        return new TextClassifications(labels, probabilities, (Integer) ctx.getAttachment(TOKENS),
                (Integer) ctx.getAttachment(UNKNOWN));
    }

    /**
     * Returns no batchifier: each input is its own batch of one, since lengths differ.
     *
     * @return {@code null}
     */
    @Override
    public Batchifier getBatchifier() {
        return null;
    }
}
