package io.parallellmu.zoo;

import ai.djl.Application;
import io.parallellmu.zoo.translate.SentenceTranslator;
import java.io.IOException;
import java.util.List;

/**
 * Metadata of a translation model (IWSLT'15 En→Vi or its gettext stand-in): a sentence is encoded as
 * {@link WordEncoding} says (tokenised by the recorded tokenizer, mapped to source ids, unknown tokens to
 * {@code unknownId}, cut to {@code maxLength} tokens), translated by beam search from {@code beginId} until
 * {@code endId}, ranked by log P / lp(n) with GNMT's length penalty lp(n) = ((5 + n) / 6)^α at
 * α = {@code lengthPenalty}, and the target tokens are joined into text by the tokenizer's
 * {@code buildSentence}. Takes a {@code String} and gives a {@code String}.
 *
 * @param vocabulary the source tokens by id
 * @param outputVocabulary the target tokens by id
 * @param tokenizer the class name of the DJL {@code Tokenizer} that made the corpus's tokens and joins target
 *     tokens into text, with a public constructor taking the lower-case flag (boolean) or none
 * @param lowerCase the tokenizer's lower-case flag
 * @param unknownId the id of source tokens outside the vocabulary
 * @param maxLength the longest source the model reads; longer sentences are cut, as the data set cut them
 * @param beginId the target id that starts every translation ({@code <bos>})
 * @param endId the target id that ends a translation ({@code <eos>})
 * @param beamWidth the beam width of the search, at least 1
 * @param lengthPenalty the length penalty α, at least 0
 */
public record Translation(@StoredIn(ModelArtifact.VOCABULARY) List<String> vocabulary,
        @StoredIn(ModelArtifact.OUTPUT_VOCABULARY) List<String> outputVocabulary, String tokenizer,
        boolean lowerCase, int unknownId, int maxLength, int beginId, int endId,
        int beamWidth, float lengthPenalty) implements TaskMetadata, WordEncoding {

    /** The kind: {@code "TRANSLATION"} in {@code task.json}. */
    static final MetadataKind<Translation> KIND = new MetadataKind<>("TRANSLATION", Translation.class,
            Application.NLP.MACHINE_TRANSLATION, Translation::read,
            List.of(new MetadataKind.Offer<>(String.class, String.class, SentenceTranslator::text),
                    new MetadataKind.Offer<>(String.class, TranslatedText.class, SentenceTranslator::counting)));

    /**
     * Checks and copies the metadata.
     *
     * @throws IllegalArgumentException if an id is outside its vocabulary, the maximum length or beam width below
     *     1, or the length penalty negative
     */
    public Translation {
        vocabulary = List.copyOf(vocabulary);
        outputVocabulary = List.copyOf(outputVocabulary);
        WordEncoding.check(vocabulary, unknownId, maxLength);
        for (int id : new int[] {beginId, endId}) {
            if (id < 0 || id >= outputVocabulary.size()) {
                throw new IllegalArgumentException("begin and end ids must be in [0, " + outputVocabulary.size()
                        + "), got " + id);
            }
        }
        if (beamWidth < 1 || !(lengthPenalty >= 0)) {
            throw new IllegalArgumentException("beam width must be at least 1 and length penalty at least 0, got "
                    + beamWidth + " and " + lengthPenalty);
        }
    }

    /** {@inheritDoc} */
    @Override
    public MetadataKind<Translation> kind() {
        return KIND;
    }

    private static Translation read(MetadataReader in) throws IOException {
        return new Translation(in.tokens(ModelArtifact.VOCABULARY), in.tokens(ModelArtifact.OUTPUT_VOCABULARY),
                in.text("tokenizer"), in.flag("lowerCase"), in.integer("unknownId"), in.integer("maxLength"),
                in.integer("beginId"), in.integer("endId"), in.integer("beamWidth"),
                in.number("lengthPenalty"));
    }
}
