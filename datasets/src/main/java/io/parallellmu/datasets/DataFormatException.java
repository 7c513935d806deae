package io.parallellmu.datasets;

import java.io.IOException;
import java.nio.file.Path;

/** A data file that does not follow its format: names the file, the position and what is wrong. */
public class DataFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String position;

    /**
     * Creates the exception.
     *
     * @param file the offending file
     * @param position where in the file, such as {@code byte 16} or {@code line 42}
     * @param problem what is wrong, and what was expected
     */
    public DataFormatException(Path file, String position, String problem) {
        super(file + ", " + position + ": " + problem);
        this.file = file;
        this.position = position;
    }

    /**
     * Creates the exception with a cause.
     *
     * @param file the offending file
     * @param position where in the file
     * @param problem what is wrong
     * @param cause the underlying error
     */
    public DataFormatException(Path file, String position, String problem, Throwable cause) {
        super(file + ", " + position + ": " + problem, cause);
        this.file = file;
        this.position = position;
    }

    /**
     * Returns the offending file.
     *
     * @return the file
     */
    public Path getFile() {
        return file;
    }

    /**
     * Returns the position in the file.
     *
     * @return the position, such as {@code line 42}
     */
    public String getPosition() {
        return position;
    }
}
