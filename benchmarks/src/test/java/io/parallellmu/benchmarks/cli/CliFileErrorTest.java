package io.parallellmu.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.reports.store.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * A file that cannot be written (a full disk, a file in the way) ends a command with one line naming the file and
 * what is left intact, exit status {@link PlmuCommand#FILE_ERROR_EXIT}, and no stack trace.
 */
class CliFileErrorTest {

    @TempDir Path temp;

    /** Writes a file atomically on a disk that fills up halfway through the write. */
    @Command(name = "write-on-full-disk")
    static final class FullDiskWrite implements Callable<Integer> {
        @Parameters private Path target;

        @Override
        public Integer call() throws IOException {
            AtomicFiles.write(target, out -> {
                out.write("half of the new rows".getBytes(StandardCharsets.UTF_8));
                throw new IOException("No space left on device");
            });
            return 0;
        }
    }

    @Test
    void aFullDiskNamesTheFileAndLeavesItsPreviousContent() throws IOException {
        Path results = temp.resolve("results.csv");
        Files.writeString(results, "previous rows\n");

        CommandLine commandLine = PlmuCommand.commandLine().addSubcommand(new FullDiskWrite());
        String err = execute(commandLine, "write-on-full-disk", results.toString());

        assertTrue(err.contains("write-on-full-disk: could not write " + results.toAbsolutePath()
                + " (No space left on device); its previous content is left intact"), err);
        assertEquals("previous rows\n", Files.readString(results));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(results), files.toList(), "no partial file remains");
        }
    }

    @Test
    void aSuiteWhoseOutputFolderCannotBeMadeNamesIt() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "kept");

        String err = execute(PlmuCommand.commandLine(),
                "suite", "--tasks", "mackey-glass", "--models", "lmu", "--out", file.resolve("out").toString());

        assertTrue(err.contains("suite: " + file.resolve("out") + ": Not a directory"), err);
        assertEquals("kept", Files.readString(file));
    }

    @Test
    void theHelpListsTheExitStatuses() {
        String help = PlmuCommand.commandLine().getUsageMessage();
        assertTrue(help.contains("Exit status:") && help.contains("1   a file could not be read or written"), help);
    }

    /** Runs a command line, checks that it failed with the file-error status and no stack trace, returns stderr. */
    private static String execute(CommandLine commandLine, String... args) {
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        int status = commandLine.execute(args);
        assertEquals(PlmuCommand.FILE_ERROR_EXIT, status, err.toString());
        assertFalse(err.toString().contains("\tat "), "a stack trace: " + err);
        return err.toString();
    }
}
