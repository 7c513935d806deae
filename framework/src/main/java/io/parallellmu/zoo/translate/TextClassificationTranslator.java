package io.parallellmu.zoo.translate;

import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.parallellmu.zoo.TextClassification;
import io.parallellmu.zoo.TextClassifications;

/**
 * A text classifier on a string: encoded as its data set did (the tokenizer recorded in the artifact, the stored
 * vocabulary, unknown tokens to the stored unknown id, cut to the trained maximum length) and classified. Gives
 * {@link TextClassifications}, which count the unknown tokens. Texts are not batched together, since their lengths
 * differ.
 */
public final class TextClassificationTranslator implements Translator<String, Classifications> {

    private final TextClassification task;
    private final WordEncoder encoder;

    /**
     * Creates the translator.
     *
     * @param artifact the artifact id, for error messages
     * @param task the artifact's metadata, a {@link TextClassification}
     * @throws TranslateException if the recorded tokenizer is not on the class path or cannot be created
     */
    public TextClassificationTranslator(String artifact, TextClassification task) throws TranslateException {
        this.task = task;
        this.encoder = new WordEncoder(artifact, task);
    }

    /** {@inheritDoc} */
    @Override
    public NDList processInput(TranslatorContext ctx, String input) throws TranslateException {
        WordEncoder.Encoded text = encoder.encode(input, "a text");
        ClassifiedText.count(ctx, text);
        NDManager manager = ctx.getNDManager();
        return ClassifiedText.inputs(manager, text);
    }

    /** {@inheritDoc} */
    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list) {
        return ClassifiedText.classifications(ctx, list, task.labels());
    }

    /**
     * Returns no batchifier: each text is its own batch of one, since lengths differ.
     *
     * @return {@code null}
     */
    @Override
    public Batchifier getBatchifier() {
        return null;
    }
}
