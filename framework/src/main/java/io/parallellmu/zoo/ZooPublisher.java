package io.parallellmu.zoo;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies an artifact into a zoo directory, renamed into place atomically. Before anything is copied the artifact is
 * {@link ArtifactVerifier verified} (only its manifest's files, with their checksums; only the project's factories),
 * its directory name, config name and parameter file must agree, and its parameters must load into the block its
 * config builds; the copy is verified again. A symbolic link to an artifact is resolved and its target published.
 * An artifact may be published under another id (renamed in the copy), which is how shipped models get their ids.
 */
public final class ZooPublisher {

    private ZooPublisher() {}

    /**
     * Publishes an artifact under its id.
     *
     * @param artifact the artifact directory (as written by {@link ModelArtifact#write}), or a link to one
     * @param zoo the zoo directory, such as {@link ZooDirectory#root()}
     * @param replace whether to replace an artifact of the same id already published
     * @return the published artifact
     * @throws FileAlreadyExistsException if the id is taken and {@code replace} is false
     * @throws ArtifactFormatException if the artifact is damaged, holds unlisted files, names other code, is of
     *     another format version, or its parameters do not fit its config
     * @throws IOException if copying fails
     */
    public static ModelArtifact publish(Path artifact, Path zoo, boolean replace) throws IOException {
        return publish(artifact, zoo, null, replace);
    }

    /**
     * Publishes an artifact under another id, such as a shipped model's ({@code imdb-standin-lmu}) for one the suite
     * saved as {@code imdb-lmu-quick-seed1}. The copy records the new id wherever the artifact records its id (the
     * directory, the parameter file's name and header, {@code config.json}) and is sealed by a new manifest; the
     * model card, with the training command, is kept as it is.
     *
     * @param artifact the artifact directory (as written by {@link ModelArtifact#write}), or a link to one
     * @param zoo the zoo directory, such as {@link ZooDirectory#root()}, or a folder of shipped artifacts
     * @param id the id to publish it under, or {@code null} for its own
     * @param replace whether to replace an artifact of the same id already published
     * @return the published artifact
     * @throws FileAlreadyExistsException if the id is taken and {@code replace} is false
     * @throws IllegalArgumentException if {@code id} is not a valid artifact id
     * @throws ArtifactFormatException if the artifact is damaged, holds unlisted files, names other code, is of
     *     another format version, or its parameters do not fit its config
     * @throws IOException if copying fails
     */
    public static ModelArtifact publish(Path artifact, Path zoo, String id, boolean replace) throws IOException {
        ModelArtifact source = ModelArtifact.read(artifact);
        try (NDManager manager = NDManager.newBaseManager()) {
            source.loadBlock(manager);
        }
        String targetId = id == null ? source.id() : ModelArtifact.requireValidId(id);
        Path target = zoo.resolve(targetId);
        if (Files.exists(target) && !replace) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "an artifact '" + targetId + "' is already published; replace it explicitly");
        }
        Path temporary = ArtifactFiles.temporarySibling(target);
        try {
            for (Path file : ArtifactFiles.listFiles(source.directory())) {
                Files.copy(file, temporary.resolve(file.getFileName().toString()));
            }
            ArtifactVerifier.verify(temporary);
            if (!targetId.equals(source.id())) {
                ModelArtifact.rename(temporary, source.id(), targetId);
                ArtifactVerifier.verify(temporary);
            }
            ArtifactFiles.replace(temporary, target);
        } finally {
            ArtifactFiles.deleteRecursively(temporary);
        }
        return ModelArtifact.read(target);
    }
}
