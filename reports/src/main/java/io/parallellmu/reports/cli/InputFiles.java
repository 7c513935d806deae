package io.parallellmu.reports.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Checks on the files the commands are given, and how their failures are printed. */
final class InputFiles {

    private InputFiles() {}

    /** Fails early for a file named on the command line that does not exist. */
    static void requireExists(Path file) throws NoSuchFileException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
    }

    /** Explains a failure in one line that names the file. */
    static String describe(IOException e) {
        return e instanceof NoSuchFileException missing
                ? missing.getFile() + ": no such file"
                : e.getMessage();
    }
}
