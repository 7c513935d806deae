package io.parallellmu.datasets.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Runs one external command (a package manager, {@code dpkg-deb}) and fails with a
 * {@link FetchException} holding the command's output when it cannot run or exits non-zero, so callers can
 * react to what the tool said. Tests script the package managers through it.
 */
interface CommandRunner {

    /**
     * Runs a command to completion.
     *
     * @param dir the working directory
     * @param manualHint how to provide the data by hand, appended to any error
     * @param command the program and its arguments
     * @throws IOException if the command is missing, times out or fails; the message holds its output
     */
    void run(Path dir, String manualHint, String... command) throws IOException;

    /** Reads what a command writes to its standard output, as it comes. */
    @FunctionalInterface
    interface OutputReader {
        /**
         * Reads the output.
         *
         * @param output the command's standard output
         * @throws IOException if the output is refused; the command is then stopped
         */
        void read(InputStream output) throws IOException;
    }

    /**
     * Runs a command to completion, handing its standard output to a reader as it runs, so that what the command
     * writes can be bounded; its standard error goes into any failure's message.
     *
     * @param dir the working directory
     * @param manualHint how to provide the data by hand, appended to any error
     * @param reader reads the standard output; when it throws, the command is stopped and the error passed on
     * @param command the program and its arguments
     * @throws IOException if the command is missing, times out or fails, or the reader refuses its output
     */
    void read(Path dir, String manualHint, OutputReader reader, String... command) throws IOException;
}
