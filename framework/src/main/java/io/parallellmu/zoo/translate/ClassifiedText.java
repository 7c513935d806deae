package io.parallellmu.zoo.translate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.translate.TranslatorContext;
import io.parallellmu.zoo.TextClassifications;
import java.util.List;

/** What the text classifiers' translators share: their model inputs and their results with the token counts. */
final class ClassifiedText {

    private static final String TOKENS = "plmu.tokens";
    private static final String UNKNOWN = "plmu.unknownTokens";

    private ClassifiedText() {}

    /**
     * Returns one text's model inputs, as its data set's batches hold them (INT32).
     *
     * @param manager where the arrays live
     * @param text the encoded text
     * @return {@code [ids (1, L), L (1)]}
     */
    static NDList inputs(NDManager manager, WordEncoder.Encoded text) {
        int length = text.ids().length;
        return new NDList(manager.create(text.ids()).reshape(1, length), // (1, L)
                manager.create(new int[] {length})); // (1) valid length
    }

    /**
     * Remembers the token counts of the texts a prediction reads, for {@link #classifications}.
     *
     * @param ctx the prediction's context
     * @param texts the encoded texts
     */
    static void count(TranslatorContext ctx, WordEncoder.Encoded... texts) {
        int tokens = 0;
        int unknown = 0;
        for (WordEncoder.Encoded text : texts) {
            tokens += text.ids().length;
            unknown += text.unknownTokens();
        }
        ctx.setAttachment(TOKENS, tokens);
        ctx.setAttachment(UNKNOWN, unknown);
    }

    /**
     * Returns the classifications of the model's logits, with the counts {@link #count} remembered.
     *
     * @param ctx the prediction's context
     * @param list the model's output, logits (1, C)
     * @param labels the class names
     * @return the classifications
     */
    static TextClassifications classifications(TranslatorContext ctx, NDList list, List<String> labels) {
        NDArray probabilities = list.singletonOrThrow().toType(DataType.FLOAT32, false).softmax(-1).reshape(-1); // (C)
        return new TextClassifications(labels, probabilities, (Integer) ctx.getAttachment(TOKENS),
                (Integer) ctx.getAttachment(UNKNOWN));
    }
}
