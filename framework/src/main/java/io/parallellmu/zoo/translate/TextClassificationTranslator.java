package io.parallellmu.zoo.translate;

import ai.djl.translate.TranslateException;
import io.parallellmu.zoo.TextClassification;
import io.parallellmu.zoo.TextClassifications;
import java.util.List;

/**
 * A text classifier on a string: encoded as its data set did (the tokenizer recorded in the artifact, the stored
 * vocabulary, unknown tokens to the stored unknown id, cut to the trained maximum length) and classified. Gives
 * {@link TextClassifications}, which count the unknown tokens. Texts are not batched together, since their lengths
 * differ.
 */
public final class TextClassificationTranslator extends WordClassificationTranslator<String> {

    /**
     * Creates the translator.
     *
     * @param artifact the artifact id, for error messages
     * @param task the artifact's metadata, a {@link TextClassification}
     * @throws TranslateException if the recorded tokenizer is not on the class path or cannot be created
     */
    public TextClassificationTranslator(String artifact, TextClassification task) throws TranslateException {
        super(artifact, task, task.labels());
    }

    @Override
    List<Text> texts(String input) {
        return List.of(new Text(input, "a text"));
    }
}
