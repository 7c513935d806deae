package io.parallellmu.datasets.fetch;

import java.io.IOException;
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
        String line = String.join(" ", command);
        log.println("  $ " + line);
        // Output goes to a file, not a pipe, so that the timeout can fire even while a command hangs.
        Path outputFile = Files.createTempFile("plmu-fetch-", ".log");
        ProcessBuilder pb =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(outputFile.toFile());
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            Files.deleteIfExists(outputFile);
            throw new FetchException(
                    "Cannot run '" + line + "': " + command[0] + " is not available on this machine. " + manualHint,
                    e);
        }
        String output;
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new FetchException("'" + line + "' did not finish in " + TIMEOUT_MINUTES + " minutes. " + manualHint);
            }
            output = new String(Files.readAllBytes(outputFile), StandardCharsets.UTF_8); // lenient: any bytes
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FetchException("Interrupted while running '" + line + "'. " + manualHint, e);
        } finally {
            Files.deleteIfExists(outputFile);
        }
        if (process.exitValue() != 0) {
            throw new FetchException(
                    "'"
                            + line
                            + "' failed with exit code "
                            + process.exitValue()
                            + ":\n"
                            + output.strip()
                            + "\n"
                            + manualHint);
        }
    }
}
