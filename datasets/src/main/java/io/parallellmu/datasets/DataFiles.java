package io.parallellmu.datasets;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on a data file before it is read, so that the error names the file and what was expected there. */
public final class DataFiles {

    private DataFiles() {}

    /**
     * Requires a path to be a file (or a link to one), not a folder; a missing file is left for the read to report.
     *
     * @param file the path about to be read
     * @param expected what the file should hold, such as {@code "an IDX images file"}
     * @throws DataFormatException naming the file and what was expected when it is a directory
     */
    public static void requireFile(Path file, String expected) throws DataFormatException {
        if (Files.isDirectory(file)) {
            throw new DataFormatException(file, "path", "is a directory, but " + expected + " was expected here");
        }
    }
}
