package io.parallellmu.zoo;

import ai.djl.Application;
import ai.djl.modality.Classifications;
import io.parallellmu.zoo.translate.TextPairClassificationTranslator;
import java.io.IOException;
import java.util.List;

/**
 * Metadata of a sentence-pair classifier (QQP, SNLI): each text of a {@link TextPair} is encoded on its own, as
 * {@link WordEncoding} says, and the model reads the two id sequences with their lengths, as its data set gave them
 * (no separator token: two inputs). Takes a {@code TextPair} and gives {@code Classifications} over the labels.
 *
 * @param vocabulary the tokens by id, shared by both texts
 * @param labels the class names, by class index
 * @param tokenizer the class name of the DJL {@code Tokenizer} used in training
 * @param lowerCase the tokenizer's lower-case flag
 * @param unknownId the id of tokens outside the vocabulary
 * @param maxLength the longest token sequence of each text the model was trained on; longer texts are cut
 */
public record TextPairClassification(@StoredIn(ModelArtifact.VOCABULARY) List<String> vocabulary,
        List<String> labels, String tokenizer, boolean lowerCase, int unknownId, int maxLength)
        implements TaskMetadata, WordEncoding {

    /** The kind: {@code "TEXT_PAIR_CLASSIFICATION"} in {@code task.json}. */
    static final MetadataKind<TextPairClassification> KIND = new MetadataKind<>("TEXT_PAIR_CLASSIFICATION",
            TextPairClassification.class, Application.NLP.TEXT_CLASSIFICATION, TextPairClassification::read,
            List.of(new MetadataKind.Offer<>(TextPair.class, Classifications.class,
                    TextPairClassificationTranslator::new)));

    /**
     * Checks and copies the metadata.
     *
     * @throws IllegalArgumentException if the unknown id is outside the vocabulary or the maximum length below 1
     */
    public TextPairClassification {
        vocabulary = List.copyOf(vocabulary);
        labels = List.copyOf(labels);
        WordEncoding.check(vocabulary, unknownId, maxLength);
    }

    /** {@inheritDoc} */
    @Override
    public MetadataKind<TextPairClassification> kind() {
        return KIND;
    }

    private static TextPairClassification read(MetadataReader in) throws IOException {
        return new TextPairClassification(in.tokens(ModelArtifact.VOCABULARY), in.strings("labels"),
                in.text("tokenizer"), in.flag("lowerCase"), in.integer("unknownId"), in.integer("maxLength"));
    }
}
