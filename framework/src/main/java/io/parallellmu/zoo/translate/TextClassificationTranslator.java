package io.parallellmu.zoo.translate;

import ai.djl.modality.Classifications;
import ai.djl.modality.nlp.preprocess.Tokenizer;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.parallellmu.zoo.TextClassification;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A text classifier on a string: tokenised by the tokenizer recorded in the artifact, mapped to ids through the
 * stored vocabulary (unknown tokens to the stored unknown id), cut to the trained maximum length, and classified.
 * Texts are not batched together, since their lengths differ.
 */
public final class TextClassificationTranslator implements Translator<String, Classifications> {

    private final String artifact;
    private final TextClassification task;
    private final Tokenizer tokenizer;
    private final Map<String, Integer> ids = new HashMap<>();

    /**
     * Creates the translator.
     *
     * @param artifact the artifact id, for error messages
     * @param task the artifact's metadata, a {@link TextClassification}
     * @throws TranslateException if the recorded tokenizer is not on the class path or cannot be created
     */
    public TextClassificationTranslator(String artifact, TextClassification task) throws TranslateException {
        this.artifact = artifact;
        this.task = task;
        this.tokenizer = tokenizer(artifact, task);
        List<String> vocabulary = task.vocabulary();
        for (int id = 0; id < vocabulary.size(); id++) {
            ids.putIfAbsent(vocabulary.get(id), id);
        }
    }

    private static Tokenizer tokenizer(String artifact, TextClassification task) throws TranslateException {
        try {
            Class<? extends Tokenizer> type = Class.forName(task.tokenizer()).asSubclass(Tokenizer.class);
            try {
                return type.getConstructor(boolean.class).newInstance(task.lowerCase());
            } catch (NoSuchMethodException e) {
                return type.getConstructor().newInstance();
            }
        } catch (ClassNotFoundException | ClassCastException | NoSuchMethodException | InstantiationException
                | IllegalAccessException | InvocationTargetException e) {
            throw new TranslateException(artifact + " was trained with the tokenizer " + task.tokenizer()
                    + ", which is not on the class path as a DJL Tokenizer with a public (boolean) or () constructor;"
                    + " add the module that provides it", e);
        }
    }

    /** {@inheritDoc} */
    @Override
    public NDList processInput(TranslatorContext ctx, String input) throws TranslateException {
        List<String> tokens = tokenizer.tokenize(input);
        if (tokens.isEmpty()) {
            throw new TranslateException(artifact + " expects a text with at least one token, got \"" + input + "\"");
        }
        int length = Math.min(tokens.size(), task.maxLength());
        long[] sequence = new long[length];
        for (int t = 0; t < length; t++) {
            sequence[t] = ids.getOrDefault(tokens.get(t), task.unknownId());
        }
        NDManager manager = ctx.getNDManager();
        return new NDList(manager.create(sequence).reshape(1, length), // (1, L)
                manager.create(new float[] {length})); // (1) valid length
    }

    /** {@inheritDoc} */
    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list) {
        return new Classifications(task.labels(),
                list.singletonOrThrow().toType(DataType.FLOAT32, false).softmax(-1).reshape(-1)); // (C)
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
