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
        ModelArtifact source = ModelArtifact.read(artifact);
        try (NDManager manager = NDManager.newBaseManager()) {
            source.loadBlock(manager);
        }
        Path target = zoo.resolve(source.id());
        if (Files.exists(target) && !replace) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "an artifact '" + source.id() + "' is already published; replace it explicitly");
        }
        Path temporary = ArtifactFiles.temporarySibling(target);
        try {
            for (Path file : ArtifactFiles.listFiles(source.directory())) {
                Files.copy(file, temporary.resolve(file.getFileName().toString()));
            }
            ArtifactVerifier.verify(temporary);
            ArtifactFiles.replace(temporary, target);
        } finally {
            ArtifactFiles.deleteRecursively(temporary);
        }
        return ModelArtifact.read(target);
    }
}
