package io.parallellmu.benchmarks.tasks;

import java.io.IOException;
import java.nio.file.Path;

/** Writes what a trained model of a task needs besides its weights: vocabularies, permutation, normalisation. */
@FunctionalInterface
public interface TaskMetadata {

    /**
     * Writes the metadata files into a model's directory.
     *
     * @param dir the model's directory, which exists
     * @throws IOException if a file cannot be written
     */
    void write(Path dir) throws IOException;
}
