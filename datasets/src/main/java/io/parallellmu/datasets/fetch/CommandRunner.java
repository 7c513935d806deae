package io.parallellmu.datasets.fetch;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs one external command (a package manager, {@code tar}, {@code dpkg}) and fails with a
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
}
