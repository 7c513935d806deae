package io.parallellmu.zoo;

import java.io.IOException;
import java.nio.file.Path;

/** A zoo artifact's file is missing, damaged or of another format version; the message names the file. */
public class ArtifactFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file at fault. */
    private final transient Path file;

    /**
     * Creates the exception.
     *
     * @param file the file at fault
     * @param problem what is wrong and what was expected
     */
    public ArtifactFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /**
     * Creates the exception with a cause.
     *
     * @param file the file at fault
     * @param problem what is wrong and what was expected
     * @param cause the underlying error
     */
    public ArtifactFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /**
     * Returns the file at fault.
     *
     * @return the file
     */
    public Path getFile() {
        return file;
    }
}
