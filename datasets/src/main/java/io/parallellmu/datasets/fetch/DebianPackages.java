package io.parallellmu.datasets.fetch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fetches Debian packages with {@code apt-get download} and unpacks them: {@code dpkg-deb --fsys-tarfile} writes
 * a package's files as a tar stream, which {@link SafeUnpacker} unpacks without its links, capped at
 * {@link PackageFetcher#MAX_UNPACKED_BYTES}. It copes with what a fresh machine and a moving archive do. This is
 * the only place that runs apt.
 *
 * <ul>
 *   <li>A pinned package is asked for at its pinned version first ({@code apt-get download NAME=VERSION}),
 *       and its {@code .deb} checked against the pinned SHA-256. When the archive no longer has that
 *       version (Debian replaces versions on point releases), the current version is fetched instead, said
 *       in the log, and returned as not pinned with its real version, so the data's provenance names the
 *       version really used.
 *   <li>When apt cannot locate a package or version, or cannot fetch it, its package lists may be missing
 *       or stale. If this process may write them (it runs as root), {@code apt-get update} runs once per
 *       instance and the download is tried again; otherwise the error says to run {@code apt-get update}
 *       once as root.
 * </ul>
 */
public final class DebianPackages {

    /**
     * A pinned package.
     *
     * @param name the package name
     * @param version the exact version the pinned checksum was taken from
     * @param sha256 the SHA-256 of that version's {@code .deb}
     */
    public record Pin(String name, String version, String sha256) {}

    /**
     * A fetched and unpacked package.
     *
     * @param root the directory it was unpacked into (its {@code usr/} is below)
     * @param version the version fetched, as apt names it in the {@code .deb}
     * @param pinned whether it is the pinned version, verified against the pinned checksum
     */
    public record Unpacked(Path root, String version, boolean pinned) {}

    /** Where apt keeps its package lists; {@code apt-get update} needs to write here. */
    static final Path APT_LISTS = Path.of("/var/lib/apt/lists");

    /** What apt says when its package lists are missing or out of date. */
    private static final List<String> STALE_LISTS =
            List.of(
                    "Unable to locate package",
                    "has no installation candidate",
                    "Can't find a source to download",
                    "Failed to fetch");
    /** What apt says when the asked-for version is not in its lists. */
    private static final List<String> MISSING_VERSION = List.of("was not found");

    private final PrintStream log;
    private final CommandRunner commands;
    private final Path aptLists;
    private final long maxBytes;
    private boolean updated;

    /**
     * Creates the fetcher.
     *
     * @param log where each command is reported
     */
    public DebianPackages(PrintStream log) {
        this(log, new ProcessCommandRunner(log), APT_LISTS, PackageFetcher.MAX_UNPACKED_BYTES);
    }

    /**
     * Creates the fetcher with another way to run commands, for tests.
     *
     * @param log where notes are reported
     * @param commands runs apt-get and dpkg-deb
     * @param aptLists apt's package-list directory, whose writability decides whether to update it
     * @param maxBytes the most bytes a package may unpack to
     */
    DebianPackages(PrintStream log, CommandRunner commands, Path aptLists, long maxBytes) {
        this.log = log;
        this.commands = commands;
        this.aptLists = aptLists;
        this.maxBytes = maxBytes;
    }

    /**
     * Downloads and unpacks a pinned package: its pinned version, verified against the pinned checksum, or,
     * when the archive no longer has it, the current version.
     *
     * @param pin the package
     * @param workDir an empty scratch directory
     * @param manualHint how to provide the data by hand, appended to any error
     * @return where it was unpacked and which version it is
     * @throws IOException if it cannot be fetched, naming the command and how to fix it
     */
    public Unpacked fetch(Pin pin, Path workDir, String manualHint) throws IOException {
        try {
            Path pinnedDir = workDir.resolve("pinned");
            Path root = download(pin.name() + "=" + pin.version(), pin.sha256(), pinnedDir, manualHint);
            return new Unpacked(root, pin.version(), true);
        } catch (FetchException e) {
            if (!says(e, MISSING_VERSION)) {
                throw e;
            }
        }
        log.println("  " + pin.name() + " " + pin.version() + " is no longer in the archive; using the current version");
        Unpacked current = fetchCurrent(pin.name(), workDir, manualHint);
        log.println("  " + pin.name() + ": fetched version " + current.version() + " instead of the pinned " + pin.version());
        return current;
    }

    /**
     * Downloads and unpacks the archive's current version of a package, for data whose checksum is
     * verified after conversion instead of on the {@code .deb}.
     *
     * @param name the package name
     * @param workDir an empty scratch directory
     * @param manualHint how to provide the data by hand, appended to any error
     * @return where it was unpacked and which version it is (not pinned)
     * @throws IOException if it cannot be fetched, naming the command and how to fix it
     */
    public Unpacked fetchCurrent(String name, Path workDir, String manualHint) throws IOException {
        Path currentDir = workDir.resolve("current");
        Path root = download(name, null, currentDir, manualHint);
        Path deb = PackageFetcher.single(currentDir, ".deb", "apt-get download " + name, manualHint);
        return new Unpacked(root, versionOf(deb, name, manualHint), false);
    }

    /** Downloads and unpacks, updating the package lists once when apt's answer says they may be stale. */
    private Path download(String spec, String sha256, Path dir, String manualHint) throws IOException {
        try {
            return downloadOnce(spec, sha256, dir, manualHint);
        } catch (FetchException e) {
            boolean missingVersion = says(e, MISSING_VERSION);
            if (!says(e, STALE_LISTS) && !missingVersion) {
                throw e;
            }
            if (updated) {
                if (missingVersion) {
                    throw e;
                }
                throw new FetchException(
                        "apt-get cannot download " + spec + " even after 'apt-get update'. " + manualHint, e);
            }
            if (!Files.isWritable(aptLists)) {
                if (missingVersion) {
                    throw e; // the caller falls back to the current version
                }
                throw new FetchException(
                        "apt-get cannot download "
                                + spec
                                + ": apt's package lists are missing or stale, and this process cannot update them."
                                + " Run 'apt-get update' once as root, then fetch again. "
                                + manualHint,
                        e);
            }
            log.println("  apt cannot find or fetch " + spec + "; updating its package lists once");
            updated = true;
            commands.run(dir.getParent(), manualHint, "apt-get", "update");
            AtomicDirectory.deleteRecursively(dir);
            return download(spec, sha256, dir, manualHint); // at most once more: the lists are now updated
        }
    }

    private Path downloadOnce(String spec, String sha256, Path dir, String manualHint) throws IOException {
        Files.createDirectories(dir);
        commands.run(dir, manualHint, "apt-get", "download", spec);
        Path deb = PackageFetcher.single(dir, ".deb", "apt-get download " + spec, manualHint);
        if (sha256 != null) {
            Checksums.verify(deb, sha256);
        }
        Path unpacked = dir.resolve("unpacked");
        PackageFetcher.unpack(unpacked, into -> commands.read(dir, manualHint,
                tar -> SafeUnpacker.unpackTar(tar, deb.toString(), maxBytes, into),
                "dpkg-deb", "--fsys-tarfile", deb.toString()));
        return unpacked;
    }

    /**
     * Returns the checksum pinned for data converted from some packages, when the versions recorded with the
     * data are exactly the pinned ones; data converted from other versions (the archive moved on) has none.
     *
     * @param versions the package versions recorded with the data, such as a stand-in manifest's
     * @param pins the pinned packages
     * @param pinnedSha256 the data's checksum when converted from the pinned versions
     * @return the pinned checksum, or empty when the data comes from other versions
     */
    public static Optional<String> pinnedChecksum(Map<String, String> versions, List<Pin> pins, String pinnedSha256) {
        Map<String, String> pinned = new LinkedHashMap<>();
        pins.forEach(pin -> pinned.put(pin.name(), pin.version()));
        return versions.equals(pinned) ? Optional.of(pinnedSha256) : Optional.empty();
    }

    private static boolean says(FetchException e, List<String> markers) {
        String message = e.getMessage();
        return message != null && markers.stream().anyMatch(message::contains);
    }

    /** Reads the version from apt's file name {@code NAME_VERSION_ARCH.deb}, where ':' is written %3a. */
    private static String versionOf(Path deb, String name, String manualHint) throws IOException {
        String file = deb.getFileName().toString();
        String prefix = name + "_";
        int end = file.lastIndexOf('_');
        if (!file.startsWith(prefix) || end <= prefix.length()) {
            throw new FetchException("Expected " + prefix + "VERSION_ARCH.deb from apt-get download, found " + file + ". " + manualHint);
        }
        return file.substring(prefix.length(), end).replace("%3a", ":").replace("%3A", ":");
    }
}
