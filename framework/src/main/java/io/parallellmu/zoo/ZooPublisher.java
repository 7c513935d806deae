package io.parallellmu.zoo;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies an artifact into a zoo directory, checked before and after, and renamed into place atomically. */
public final class ZooPublisher {

    private ZooPublisher() {}

    /**
     * Publishes an artifact under its id.
     *
     * @param artifact the artifact directory (as written by {@link ModelArtifact#write})
     * @param zoo the zoo directory, such as {@link ZooDirectory#root()}
     * @param replace whether to replace an artifact of the same id already published
     * @return the published artifact
     * @throws FileAlreadyExistsException if the id is taken and {@code replace} is false
     * @throws ArtifactFormatException if the artifact is damaged or of another format version
     * @throws IOException if copying fails
     */
    public static ModelArtifact publish(Path artifact, Path zoo, boolean replace) throws IOException {
        ModelArtifact source = ModelArtifact.read(artifact);
        Path target = zoo.resolve(source.id());
        if (Files.exists(target) && !replace) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "an artifact '" + source.id() + "' is already published; replace it explicitly");
        }
        Path temporary = ArtifactFiles.temporarySibling(target);
        try {
            for (Path file : ArtifactFiles.listFiles(artifact)) {
                Files.copy(file, temporary.resolve(file.getFileName().toString()));
            }
            ArtifactFiles.verify(temporary);
            ArtifactFiles.replace(temporary, target);
        } finally {
            ArtifactFiles.deleteRecursively(temporary);
        }
        return ModelArtifact.read(target);
    }
}
