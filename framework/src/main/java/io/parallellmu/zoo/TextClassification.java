package io.parallellmu.zoo;

import ai.djl.Application;
import ai.djl.modality.Classifications;
import io.parallellmu.zoo.translate.TextClassificationTranslator;
import java.io.IOException;
import java.util.List;

/**
 * Metadata of a text classifier: a text is encoded as {@link WordEncoding} says (tokenised by the recorded tokenizer,
 * mapped to ids through the vocabulary, unknown tokens to {@code unknownId}, cut to {@code maxLength} tokens).
 * Takes a {@code String} and gives {@code Classifications} ({@link TextClassifications}) over the labels.
 *
 * @param vocabulary the tokens by id
 * @param labels the class names, by class index
 * @param tokenizer the class name of the DJL {@code Tokenizer} used in training, with a public constructor taking
 *     the lower-case flag (boolean) or none
 * @param lowerCase the tokenizer's lower-case flag
 * @param unknownId the id of tokens outside the vocabulary
 * @param maxLength the longest token sequence the model was trained on; longer texts are cut
 */
public record TextClassification(@StoredIn(ModelArtifact.VOCABULARY) List<String> vocabulary, List<String> labels,
        String tokenizer, boolean lowerCase, int unknownId, int maxLength) implements TaskMetadata, WordEncoding {

    /** The kind: {@code "TEXT_CLASSIFICATION"} in {@code task.json}. */
    static final MetadataKind<TextClassification> KIND = new MetadataKind<>("TEXT_CLASSIFICATION",
            TextClassification.class, Application.NLP.TEXT_CLASSIFICATION, TextClassification::read,
            List.of(new MetadataKind.Offer<>(String.class, Classifications.class,
                    TextClassificationTranslator::new)));

    /**
     * Checks and copies the metadata.
     *
     * @throws IllegalArgumentException if the unknown id is outside the vocabulary or the maximum length below 1
     */
    public TextClassification {
        vocabulary = List.copyOf(vocabulary);
        labels = List.copyOf(labels);
        WordEncoding.check(vocabulary, unknownId, maxLength);
    }

    /** {@inheritDoc} */
    @Override
    public MetadataKind<TextClassification> kind() {
        return KIND;
    }

    private static TextClassification read(MetadataReader in) throws IOException {
        return new TextClassification(in.tokens(ModelArtifact.VOCABULARY), in.strings("labels"),
                in.text("tokenizer"), in.flag("lowerCase"), in.integer("unknownId"), in.integer("maxLength"));
    }
}
