package io.parallellmu.zoo;

import ai.djl.Application;
import java.io.IOException;
import java.util.List;

/**
 * Metadata of a model used through raw {@code NDList}s only (word and character language models, translation),
 * with the vocabularies its token ids mean, so that a user can encode inputs and decode outputs as in training.
 *
 * @param vocabulary the input tokens by id, or {@code null}
 * @param outputVocabulary the output tokens by id (a translation's target side), or {@code null}
 */
public record RawSequence(@StoredIn(ModelArtifact.VOCABULARY) List<String> vocabulary,
        @StoredIn(ModelArtifact.OUTPUT_VOCABULARY) List<String> outputVocabulary) implements TaskMetadata {

    /** The kind: {@code "SEQUENCE"} in {@code task.json}; it offers only the raw {@code NDList → NDList}. */
    static final MetadataKind<RawSequence> KIND = new MetadataKind<>("SEQUENCE", RawSequence.class,
            Application.UNDEFINED, RawSequence::read, List.of());

    /** Copies the vocabularies. */
    public RawSequence {
        vocabulary = vocabulary == null ? null : List.copyOf(vocabulary);
        outputVocabulary = outputVocabulary == null ? null : List.copyOf(outputVocabulary);
    }

    /** {@inheritDoc} */
    @Override
    public MetadataKind<RawSequence> kind() {
        return KIND;
    }

    private static RawSequence read(MetadataReader in) throws IOException {
        return new RawSequence(in.optionalTokens(ModelArtifact.VOCABULARY),
                in.optionalTokens(ModelArtifact.OUTPUT_VOCABULARY));
    }
}
