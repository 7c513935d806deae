package io.parallellmu.datasets.text;

import io.parallellmu.datasets.fetch.AtomicDirectory;
import io.parallellmu.datasets.fetch.FetchException;
import io.parallellmu.datasets.fetch.PackageFetcher;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Fetches pinned Debian packages with {@link PackageFetcher#aptDownload}, coping with what a fresh machine
 * and a moving archive do:
 *
 * <ul>
 *   <li>When apt cannot locate a package or its pinned version, or cannot fetch it, its package lists may be
 *       missing or stale: as root this runs {@code apt-get update} once and tries again; otherwise it fails
 *       saying to run it.
 *   <li>The pinned version is asked for first ({@code apt-get download NAME=VERSION}) and its {@code .deb}
 *       checked against the pinned SHA-256. When the archive no longer has that version (Debian replaces
 *       versions on point releases), the current version is fetched instead, said in the log, and recorded,
 *       so the data's provenance names the version really used.
 * </ul>
 */
public final class DebianPackages {

    /**
     * A pinned package.
     *
     * @param name the package name
     * @param version the exact version the pinned checksums were taken from
     * @param sha256 the SHA-256 of that version's {@code .deb}
     */
    public record Pin(String name, String version, String sha256) {}

    /**
     * A fetched and unpacked package.
     *
     * @param root the directory it was unpacked into (its {@code usr/} is below)
     * @param version the version fetched
     * @param pinned whether it is the pinned version, verified against the pinned checksum
     */
    public record Unpacked(Path root, String version, boolean pinned) {}

    private static final long UPDATE_TIMEOUT_MINUTES = 10;
    /** What apt says when its package lists are missing or out of date. */
    private static final List<String> STALE_LISTS =
            List.of("Unable to locate package", "Can't find a source to download", "Failed to fetch");
    /** What apt says when the asked-for version is not in its lists. */
    private static final List<String> MISSING_VERSION = List.of("was not found");

    private final PackageFetcher fetcher;
    private final PrintStream log;
    private boolean updated;

    /**
     * Creates the fetcher.
     *
     * @param log where each command is reported
     */
    public DebianPackages(PrintStream log) {
        this.fetcher = new PackageFetcher(log);
        this.log = log;
    }

    /**
     * Downloads and unpacks a pinned package.
     *
     * @param pin the package
     * @param workDir an empty scratch directory
     * @param manualHint how to provide the data by hand, appended to any error
     * @return where it was unpacked and which version it is
     * @throws IOException if it cannot be fetched, naming the command and how to fix it
     */
    public Unpacked fetch(Pin pin, Path workDir, String manualHint) throws IOException {
        try {
            Path root = download(pin.name() + "=" + pin.version(), pin.sha256(), workDir.resolve("pinned"), manualHint);
            return new Unpacked(root, pin.version(), true);
        } catch (FetchException e) {
            if (!has(e, MISSING_VERSION)) {
                throw e;
            }
        }
        log.println("  " + pin.name() + " " + pin.version() + " is no longer in the archive; using the current version");
        Path currentDir = workDir.resolve("current");
        Path root = download(pin.name(), null, currentDir, manualHint);
        return new Unpacked(root, versionOf(currentDir, pin.name(), manualHint), false);
    }

    private Path download(String spec, String sha256, Path dir, String manualHint) throws IOException {
        try {
            return fetcher.aptDownload(spec, sha256, dir, manualHint);
        } catch (FetchException e) {
            if (!has(e, STALE_LISTS) && !has(e, MISSING_VERSION)) {
                throw e;
            }
            if (updated || !isRoot(dir.getParent())) {
                if (has(e, MISSING_VERSION)) {
                    throw e;
                }
                throw new FetchException(
                        "apt-get cannot download " + spec + ": apt's package lists are missing or stale. Run"
                                + " 'apt-get update' as root once, then fetch again. " + manualHint,
                        e);
            }
            updateLists(manualHint);
            AtomicDirectory.deleteRecursively(dir);
            return fetcher.aptDownload(spec, sha256, dir, manualHint);
        }
    }

    private void updateLists(String manualHint) throws IOException {
        log.println("  $ apt-get update");
        updated = true;
        Process process = new ProcessBuilder("apt-get", "update").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(UPDATE_TIMEOUT_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new FetchException("'apt-get update' failed:\n" + output.strip() + "\n" + manualHint);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FetchException("Interrupted while running 'apt-get update'. " + manualHint, e);
        }
    }

    private static boolean has(FetchException e, List<String> markers) {
        String message = e.getMessage();
        return message != null && markers.stream().anyMatch(message::contains);
    }

    private static boolean isRoot(Path ownDir) {
        try {
            Files.createDirectories(ownDir);
            Path probe = Files.createTempFile(ownDir, "uid", ".probe");
            try {
                return Integer.valueOf(0).equals(Files.getAttribute(probe, "unix:uid"));
            } finally {
                Files.delete(probe);
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String versionOf(Path dir, String name, String manualHint) throws IOException {
        List<String> debs;
        try (Stream<Path> files = Files.list(dir)) {
            debs = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".deb")).collect(Collectors.toList());
        }
        String prefix = name + "_";
        if (debs.size() != 1 || !debs.get(0).startsWith(prefix)) {
            throw new FetchException("Expected one " + prefix + "*.deb in " + dir + ", found " + debs + ". " + manualHint);
        }
        String rest = debs.get(0).substring(prefix.length());
        return rest.substring(0, rest.indexOf('_')).replace("%3a", ":").replace("%3A", ":");
    }
}
