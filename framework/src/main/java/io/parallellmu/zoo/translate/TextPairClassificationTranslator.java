package io.parallellmu.zoo.translate;

import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.parallellmu.zoo.TextClassifications;
import io.parallellmu.zoo.TextPair;
import io.parallellmu.zoo.TextPairClassification;

/**
 * A sentence-pair classifier on a {@link TextPair}: each text encoded on its own as the data set did (no separator
 * token), then the model reads {@code [first ids (1, La), La, second ids (1, Lb), Lb]}, the layout its training
 * batches had. Gives {@link TextClassifications}, counting the unknown tokens of both texts.
 */
public final class TextPairClassificationTranslator implements Translator<TextPair, Classifications> {

    private final TextPairClassification task;
    private final WordEncoder encoder;

    /**
     * Creates the translator.
     *
     * @param artifact the artifact id, for error messages
     * @param task the artifact's metadata
     * @throws TranslateException if the recorded tokenizer is not on the class path or cannot be created
     */
    public TextPairClassificationTranslator(String artifact, TextPairClassification task) throws TranslateException {
        this.task = task;
        this.encoder = new WordEncoder(artifact, task);
    }

    /** {@inheritDoc} */
    @Override
    public NDList processInput(TranslatorContext ctx, TextPair input) throws TranslateException {
        if (input == null) {
            throw new TranslateException("expected a TextPair of two texts, got null");
        }
        WordEncoder.Encoded first = encoder.encode(input.first(), "a first text (TextPair.first)");
        WordEncoder.Encoded second = encoder.encode(input.second(), "a second text (TextPair.second)");
        ClassifiedText.count(ctx, first, second);
        NDManager manager = ctx.getNDManager();
        NDList inputs = ClassifiedText.inputs(manager, first);
        inputs.addAll(ClassifiedText.inputs(manager, second));
        return inputs;
    }

    /** {@inheritDoc} */
    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list) {
        return ClassifiedText.classifications(ctx, list, task.labels());
    }

    /**
     * Returns no batchifier: each pair is its own batch of one, since lengths differ.
     *
     * @return {@code null}
     */
    @Override
    public Batchifier getBatchifier() {
        return null;
    }
}
