package io.parallellmu.zoo.translate;

import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import io.parallellmu.zoo.CharacterModel;
import io.parallellmu.zoo.TextClassifications;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A character-level language model on a prefix: each character becomes its id (lower-cased first when the metadata
 * says so; a character outside the vocabulary becomes the unknown id and is counted), the model reads the whole
 * prefix, and its scores at the last character give {@link TextClassifications} over the next character.
 */
public final class CharacterTranslator implements NoBatchifyTranslator<String, Classifications> {

    private static final String TOKENS = "plmu.characters";
    private static final String UNKNOWN = "plmu.unknownCharacters";

    private final String artifact;
    private final CharacterModel task;
    private final Map<Integer, Integer> ids = new HashMap<>();

    /**
     * Creates the translator.
     *
     * @param artifact the artifact id, for error messages
     * @param task the artifact's metadata
     */
    public CharacterTranslator(String artifact, CharacterModel task) {
        this.artifact = artifact;
        this.task = task;
        for (int id = 0; id < task.vocabulary().size(); id++) {
            ids.putIfAbsent(task.vocabulary().get(id).codePointAt(0), id);
        }
    }

    /** {@inheritDoc} */
    @Override
    public NDList processInput(TranslatorContext ctx, String input) throws TranslateException {
        if (input == null || input.isEmpty()) {
            throw new TranslateException(artifact + " expects a prefix of at least one character, got "
                    + (input == null ? "null" : "\"\""));
        }
        String text = task.lowerCase() ? input.toLowerCase(Locale.ROOT) : input;
        int[] sequence = text.codePoints().map(c -> ids.getOrDefault(c, -1)).toArray();
        int unknown = 0;
        for (int t = 0; t < sequence.length; t++) {
            if (sequence[t] < 0) {
                sequence[t] = task.unknownId();
                unknown++;
            }
        }
        ctx.setAttachment(TOKENS, sequence.length);
        ctx.setAttachment(UNKNOWN, unknown);
        return new NDList(ctx.getNDManager().create(sequence).reshape(1, sequence.length)); // (1, L)
    }

    /** {@inheritDoc} */
    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list) {
        NDArray logits = list.head(); // (1, L, V)
        NDArray last = logits.get("0, -1").toType(DataType.FLOAT32, false); // (V)
        return new TextClassifications(task.vocabulary(), last.softmax(-1), (Integer) ctx.getAttachment(TOKENS),
                (Integer) ctx.getAttachment(UNKNOWN));
    }
}
