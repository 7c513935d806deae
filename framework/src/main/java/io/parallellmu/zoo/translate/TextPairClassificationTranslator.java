package io.parallellmu.zoo.translate;

import ai.djl.translate.TranslateException;
import io.parallellmu.zoo.TextClassifications;
import io.parallellmu.zoo.TextPair;
import io.parallellmu.zoo.TextPairClassification;
import java.util.List;

/**
 * A sentence-pair classifier on a {@link TextPair}: each text encoded on its own as the data set did (no separator
 * token), then the model reads {@code [first ids (1, La), La, second ids (1, Lb), Lb]}, the layout its training
 * batches had. Gives {@link TextClassifications}, counting the unknown tokens of both texts.
 */
public final class TextPairClassificationTranslator extends WordClassificationTranslator<TextPair> {

    /**
     * Creates the translator.
     *
     * @param artifact the artifact id, for error messages
     * @param task the artifact's metadata
     * @throws TranslateException if the recorded tokenizer is not on the class path or cannot be created
     */
    public TextPairClassificationTranslator(String artifact, TextPairClassification task) throws TranslateException {
        super(artifact, task, task.labels());
    }

    @Override
    List<Text> texts(TextPair input) throws TranslateException {
        if (input == null) {
            throw new TranslateException("expected a TextPair of two texts, got null");
        }
        return List.of(new Text(input.first(), "a first text (TextPair.first)"),
                new Text(input.second(), "a second text (TextPair.second)"));
    }
}
