package io.parallellmu.datasets.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs commands as child processes, reporting each one, with a timeout. */
final class ProcessCommandRunner implements CommandRunner {

    private static final long TIMEOUT_MINUTES = 15;

    private final PrintStream log;

    /**
     * Creates the runner.
     *
     * @param log where each command run is reported
     */
    ProcessCommandRunner(PrintStream log) {
        this.log = log;
    }

    /** {@inheritDoc} */
    @Override
    public void run(Path dir, String manualHint, String... command) throws IOException {
        execute(dir, manualHint, null, command);
    }

    /** {@inheritDoc} */
    @Override
    public void read(Path dir, String manualHint, OutputReader reader, String... command) throws IOException {
        execute(dir, manualHint, reader, command);
    }

    /** Runs a command; without a reader its standard output joins its standard error in the failure message. */
    private void execute(Path dir, String manualHint, OutputReader reader, String... command) throws IOException {
        String line = String.join(" ", command);
        log.println("  $ " + line);
        // Messages go to a file, not a pipe, so that the timeout can fire even while a command hangs.
        Path messagesFile = Files.createTempFile("plmu-fetch-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        if (reader == null) {
            pb.redirectErrorStream(true).redirectOutput(messagesFile.toFile());
        } else {
            pb.redirectError(messagesFile.toFile());
        }
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            Files.deleteIfExists(messagesFile);
            throw new FetchException(
                    "Cannot run '" + line + "': " + command[0] + " is not available on this machine. " + manualHint,
                    e);
        }
        String messages;
        try {
            if (reader != null) {
                try (InputStream output = process.getInputStream()) {
                    reader.read(output);
                }
            }
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new FetchException("'" + line + "' did not finish in " + TIMEOUT_MINUTES + " minutes. " + manualHint);
            }
            messages = new String(Files.readAllBytes(messagesFile), StandardCharsets.UTF_8); // lenient: any bytes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("Interrupted while running '" + line + "'. " + manualHint, e);
        } finally {
            process.destroyForcibly(); // stops a command that hangs, or whose output was refused; no-op once it exited
            Files.deleteIfExists(messagesFile);
        }
        if (process.exitValue() != 0) {
            throw new FetchException(
                    "'"
                            + line
                            + "' failed with exit code "
                            + process.exitValue()
                            + ":\n"
                            + messages.strip()
                            + "\n"
                            + manualHint);
        }
    }
}
