package io.parallellmu.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** A failure to read or write a file is one line that names the file and the problem. */
class InputFilesTest {

    @Test
    void fileSystemExceptionsThatCarryOnlyAPathGetTheProblemInWords() {
        assertEquals("/data/results.csv: permission denied",
                InputFiles.describe(new AccessDeniedException("/data/results.csv")));
        assertEquals("/data/a.csv: no such file", InputFiles.describe(new NoSuchFileException("/data/a.csv")));
    }

    @Test
    void otherFailuresKeepTheirMessage() {
        assertEquals("/data/out: Not a directory",
                InputFiles.describe(new FileSystemException("/data/out", null, "Not a directory")));
        assertEquals("could not write /r.csv (No space left on device)",
                InputFiles.describe(new IOException("could not write /r.csv (No space left on device)")));
    }
}
