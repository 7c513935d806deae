package io.parallellmu.reports.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Checks on the files the commands are given, and how a failure to read or write a file is printed. */
public final class InputFiles {

    private InputFiles() {}

    /** Fails early for a file named on the command line that does not exist. */
    static void requireExists(Path file) throws NoSuchFileException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
    }

    /**
     * Explains a failure to read or write a file in one line that names the file. The file-system exceptions
     * that carry only a path get the problem in words.
     *
     * @param e the failure
     * @return the line
     */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() == null) {
            return fs.getFile() + ": " + problem(fs);
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static String problem(FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists, in the way of a file or folder to be made";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a folder that is not empty";
        }
        return e.getClass().getSimpleName();
    }
}
