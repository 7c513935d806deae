package io.parallellmu.zoo;

import ai.djl.Application;
import ai.djl.modality.Classifications;
import io.parallellmu.zoo.translate.CharacterTranslator;
import java.io.IOException;
import java.util.List;

/**
 * Metadata of a character-level language model (text8 or its fortunes stand-in): a prefix is lower-cased when
 * {@code lowerCase} is set and each character becomes its id in the vocabulary; a character outside it becomes
 * {@code unknownId} and is counted (for text8, whose alphabet is a–z and space, the space: its normaliser turns
 * every other character into a word break). The model's scores at the last character are the distribution of the
 * next one. Takes a {@code String} prefix and gives {@code Classifications} over the vocabulary's characters.
 *
 * @param vocabulary the characters by id, one character each
 * @param lowerCase whether prefixes are lower-cased first
 * @param unknownId the id characters outside the vocabulary are read as
 */
public record CharacterModel(@StoredIn(ModelArtifact.VOCABULARY) List<String> vocabulary, boolean lowerCase,
        int unknownId) implements TaskMetadata {

    /** The kind: {@code "CHARACTER_MODEL"} in {@code task.json}. */
    static final MetadataKind<CharacterModel> KIND = new MetadataKind<>("CHARACTER_MODEL", CharacterModel.class,
            Application.NLP.TEXT_GENERATION, CharacterModel::read,
            List.of(new MetadataKind.Offer<>(String.class, Classifications.class, CharacterTranslator::new)));

    /**
     * Checks and copies the metadata.
     *
     * @throws IllegalArgumentException if a token is not one character or the unknown id is outside the vocabulary
     */
    public CharacterModel {
        vocabulary = List.copyOf(vocabulary);
        for (int id = 0; id < vocabulary.size(); id++) {
            if (vocabulary.get(id).codePointCount(0, vocabulary.get(id).length()) != 1) {
                throw new IllegalArgumentException("token " + id + " must be one character, got \""
                        + vocabulary.get(id) + "\"");
            }
        }
        if (unknownId < 0 || unknownId >= vocabulary.size()) {
            throw new IllegalArgumentException("unknownId must be in [0, " + vocabulary.size() + "), got "
                    + unknownId);
        }
    }

    /** {@inheritDoc} */
    @Override
    public MetadataKind<CharacterModel> kind() {
        return KIND;
    }

    private static CharacterModel read(MetadataReader in) throws IOException {
        return new CharacterModel(in.tokens(ModelArtifact.VOCABULARY), in.flag("lowerCase"), in.integer("unknownId"));
    }
}
