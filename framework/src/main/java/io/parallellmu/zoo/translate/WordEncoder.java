package io.parallellmu.zoo.translate;

import ai.djl.modality.nlp.preprocess.Tokenizer;
import ai.djl.translate.TranslateException;
import io.parallellmu.zoo.WordEncoding;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a text into the token ids a text model was trained on, as its metadata's {@link WordEncoding} says, and
 * counts the tokens outside the vocabulary.
 */
final class WordEncoder {

    private final String artifact;
    private final WordEncoding encoding;
    private final Tokenizer tokenizer;
    private final Map<String, Integer> ids = new HashMap<>();

    /**
     * Creates the encoder.
     *
     * @param artifact the artifact id, for error messages
     * @param encoding the artifact's metadata
     * @throws TranslateException if the recorded tokenizer is not on the class path or cannot be created
     */
    WordEncoder(String artifact, WordEncoding encoding) throws TranslateException {
        this.artifact = artifact;
        this.encoding = encoding;
        this.tokenizer = tokenizer(artifact, encoding);
        List<String> vocabulary = encoding.vocabulary();
        for (int id = 0; id < vocabulary.size(); id++) {
            ids.putIfAbsent(vocabulary.get(id), id);
        }
    }

    private static Tokenizer tokenizer(String artifact, WordEncoding encoding) throws TranslateException {
        try {
            Class<? extends Tokenizer> type = Class.forName(encoding.tokenizer()).asSubclass(Tokenizer.class);
            try {
                return type.getConstructor(boolean.class).newInstance(encoding.lowerCase());
            } catch (NoSuchMethodException e) {
                return type.getConstructor().newInstance();
            }
        } catch (ClassNotFoundException | ClassCastException | NoSuchMethodException | InstantiationException
                | IllegalAccessException | InvocationTargetException e) {
            throw new TranslateException(artifact + " was trained with the tokenizer " + encoding.tokenizer()
                    + ", which is not on the class path as a DJL Tokenizer with a public (boolean) or () constructor;"
                    + " add the module that provides it", e);
        }
    }

    /**
     * Returns the recorded tokenizer, which also joins tokens back into text.
     *
     * @return the tokenizer
     */
    Tokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * Encodes a text: its tokens' ids, cut to the trained maximum length.
     *
     * @param text the text
     * @param what what the text is, for error messages, such as {@code "the premise"}
     * @return the ids and how many of them stand for unknown tokens
     * @throws TranslateException if the text is missing or holds no token, naming the artifact and the text
     */
    Encoded encode(String text, String what) throws TranslateException {
        List<String> tokens = text == null ? List.of() : tokenizer.tokenize(text);
        if (tokens.isEmpty()) {
            throw new TranslateException(artifact + " expects " + what + " with at least one token, got "
                    + (text == null ? "null" : "\"" + text + "\""));
        }
        int length = Math.min(tokens.size(), encoding.maxLength());
        int[] sequence = new int[length];
        int unknown = 0;
        for (int t = 0; t < length; t++) {
            Integer id = ids.get(tokens.get(t));
            sequence[t] = id == null ? encoding.unknownId() : id;
            unknown += id == null ? 1 : 0;
        }
        return new Encoded(sequence, unknown);
    }

    /**
     * A text's token ids.
     *
     * @param ids the ids, at most the trained maximum length
     * @param unknownTokens how many of them stand for tokens outside the vocabulary
     */
    record Encoded(int[] ids, int unknownTokens) {}
}
