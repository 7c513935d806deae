package io.parallellmu.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebianPackagesTest {

    private static final long MAX_BYTES = 1 << 20;

    @TempDir Path dir;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    @Test
    void pinnedVersionIsFetchedAndVerifiedWithoutUpdating() throws Exception {
        ScriptedApt apt = new ScriptedApt("pkg", "1.0-1", true);

        DebianPackages.Unpacked unpacked =
                new DebianPackages(log, apt, writableLists(), MAX_BYTES).fetch(pin("pkg", "1.0-1"), dir.resolve("work"), "hint");

        assertTrue(unpacked.pinned());
        assertEquals("1.0-1", unpacked.version());
        assertTrue(Files.isRegularFile(unpacked.root().resolve("usr/share/pkg/data")));
        assertFalse(Files.exists(unpacked.root().resolve("usr/share/pkg/link"), LinkOption.NOFOLLOW_LINKS),
                "links are skipped");
        assertEquals(List.of("apt-get download pkg=1.0-1", "dpkg-deb --fsys-tarfile"), apt.calls);
    }

    @Test
    void replacedPinnedVersionFallsBackToTheCurrentOneAndRecordsIt() throws Exception {
        ScriptedApt apt = new ScriptedApt("pkg", "1:2.0-3", true);

        DebianPackages.Unpacked unpacked =
                new DebianPackages(log, apt, dir.resolve("no-lists"), MAX_BYTES).fetch(pin("pkg", "1.0-1"), dir.resolve("work"), "hint");

        assertFalse(unpacked.pinned());
        assertEquals("1:2.0-3", unpacked.version());
        assertTrue(Files.isRegularFile(unpacked.root().resolve("usr/share/pkg/data")));
        assertEquals(List.of("apt-get download pkg=1.0-1", "apt-get download pkg", "dpkg-deb --fsys-tarfile"), apt.calls);
        String note = logged.toString(StandardCharsets.UTF_8);
        assertTrue(note.contains("pkg 1.0-1 is no longer in the archive; using the current version"), note);
        assertTrue(note.contains("pkg: fetched version 1:2.0-3 instead of the pinned 1.0-1"), note);
    }

    @Test
    void missingListsAreUpdatedOnceWhenWritable() throws Exception {
        ScriptedApt apt = new ScriptedApt("pkg", "1.0-1", false);
        DebianPackages debian = new DebianPackages(log, apt, writableLists(), MAX_BYTES);

        DebianPackages.Unpacked unpacked = debian.fetch(pin("pkg", "1.0-1"), dir.resolve("a"), "hint");
        DebianPackages.Unpacked again = debian.fetchCurrent("pkg", dir.resolve("b"), "hint");

        assertTrue(unpacked.pinned());
        assertEquals("1.0-1", again.version());
        assertEquals(
                List.of(
                        "apt-get download pkg=1.0-1",
                        "apt-get update",
                        "apt-get download pkg=1.0-1",
                        "dpkg-deb --fsys-tarfile",
                        "apt-get download pkg",
                        "dpkg-deb --fsys-tarfile"),
                apt.calls);
    }

    @Test
    void missingListsThatCannotBeUpdatedSayToRunAptGetUpdateAsRoot() throws Exception {
        ScriptedApt apt = new ScriptedApt("pkg", "1.0-1", false);
        DebianPackages debian = new DebianPackages(log, apt, dir.resolve("no-lists"), MAX_BYTES);

        FetchException e =
                assertThrows(FetchException.class, () -> debian.fetch(pin("pkg", "1.0-1"), dir.resolve("work"), "hint"));

        assertTrue(e.getMessage().startsWith("apt-get cannot download pkg=1.0-1: apt's package lists are missing or stale"), e.getMessage());
        assertTrue(e.getMessage().contains("Run 'apt-get update' once as root, then fetch again. hint"), e.getMessage());
        assertEquals(List.of("apt-get download pkg=1.0-1"), apt.calls);
    }

    @Test
    void listsAreUpdatedAtMostOnce() throws Exception {
        ScriptedApt apt = new ScriptedApt("other", "1.0-1", false);
        DebianPackages debian = new DebianPackages(log, apt, writableLists(), MAX_BYTES);

        FetchException e =
                assertThrows(FetchException.class, () -> debian.fetchCurrent("pkg", dir.resolve("work"), "hint"));

        assertTrue(e.getMessage().startsWith("apt-get cannot download pkg even after 'apt-get update'"), e.getMessage());
        assertEquals(List.of("apt-get download pkg", "apt-get update", "apt-get download pkg"), apt.calls);
    }

    @Test
    void pinnedDebWithAnotherChecksumIsRefusedNotReplaced() throws Exception {
        ScriptedApt apt = new ScriptedApt("pkg", "1.0-1", true);
        DebianPackages.Pin pin = new DebianPackages.Pin("pkg", "1.0-1", "ab".repeat(32));

        FetchException e = assertThrows(
                FetchException.class,
                () -> new DebianPackages(log, apt, writableLists(), MAX_BYTES).fetch(pin, dir.resolve("work"), "hint"));

        assertTrue(e.getMessage().startsWith("Checksum mismatch for "), e.getMessage());
        assertEquals(List.of("apt-get download pkg=1.0-1"), apt.calls);
    }

    @Test
    void aPackageThatUnpacksPastTheCapIsRefusedAndLeavesNothingUnpacked() throws Exception {
        Path bomb = gzippedTar("pkg", new byte[4 << 20]); // 4 MiB of zeros in a few KB
        assertTrue(Files.size(bomb) < 16 << 10, "a small archive: " + Files.size(bomb));
        ScriptedApt apt = new ScriptedApt("pkg", "1.0-1", true, bomb);
        DebianPackages debian = new DebianPackages(log, apt, writableLists(), 1 << 20);

        FetchException e = assertThrows(
                FetchException.class, () -> debian.fetch(pin("pkg", "1.0-1"), dir.resolve("work"), "hint"));

        assertTrue(e.getMessage().contains("pkg_1.0-1_all.deb: unpacks to more than 1048576 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("refused as corrupt or hostile"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("work/pinned/unpacked")), "a half-unpacked folder was left");
    }

    private Path writableLists() {
        return dir;
    }

    /** Writes a package's file system as a tar.gz: {@code ./usr/share/NAME/data} with the given bytes. */
    private static Path gzippedTar(String name, byte[] data) throws IOException {
        Path file = Files.createTempFile("scripted-deb-", ".tar.gz");
        file.toFile().deleteOnExit();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                new GZIPOutputStream(Files.newOutputStream(file)))) {
            TarArchiveEntry entry = new TarArchiveEntry("./usr/share/" + name + "/data");
            entry.setSize(data.length);
            tar.putArchiveEntry(entry);
            tar.write(data);
            tar.closeArchiveEntry();
            TarArchiveEntry link = new TarArchiveEntry("./usr/share/" + name + "/link", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        return file;
    }

    private static DebianPackages.Pin pin(String name, String version) {
        return new DebianPackages.Pin(name, version, Checksums.sha256(ScriptedApt.debBytes(name, version)));
    }

    /**
     * An archive holding one package at one version, answering like apt-get and dpkg-deb. Until
     * {@code apt-get update} runs, lists that are not current know no package at all.
     */
    private static final class ScriptedApt implements CommandRunner {

        final List<String> calls = new ArrayList<>();
        private final String name;
        private final String version;
        private final Path fileSystem;
        private boolean listsCurrent;

        ScriptedApt(String name, String version, boolean listsCurrent) throws IOException {
            this(name, version, listsCurrent, gzippedTar(name, "unpacked".getBytes(StandardCharsets.UTF_8)));
        }

        /** An archive whose package's files are those of a tar.gz. */
        ScriptedApt(String name, String version, boolean listsCurrent, Path fileSystem) {
            this.name = name;
            this.version = version;
            this.listsCurrent = listsCurrent;
            this.fileSystem = fileSystem;
        }

        static byte[] debBytes(String name, String version) {
            return ("deb " + name + " " + version).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void read(Path dir, String manualHint, OutputReader reader, String... command) throws IOException {
            calls.add(String.join(" ", command.length > 2 ? List.of(command).subList(0, 2) : List.of(command)));
            try (InputStream tar = new GZIPInputStream(Files.newInputStream(fileSystem))) {
                reader.read(tar);
            }
        }

        @Override
        public void run(Path dir, String manualHint, String... command) throws IOException {
            String line = String.join(" ", command);
            calls.add(line);
            if (line.equals("apt-get update")) {
                listsCurrent = true;
                return;
            }
            String spec = command[2];
            String asked = spec.contains("=") ? spec.substring(0, spec.indexOf('=')) : spec;
            String askedVersion = spec.contains("=") ? spec.substring(spec.indexOf('=') + 1) : version;
            if (!listsCurrent || !asked.equals(name)) {
                throw new FetchException("'" + line + "' failed with exit code 100:\nE: Unable to locate package " + asked);
            }
            if (!askedVersion.equals(version)) {
                throw new FetchException(
                        "'" + line + "' failed with exit code 100:\nE: Version '" + askedVersion + "' for '" + asked + "' was not found");
            }
            Files.write(dir.resolve(name + "_" + version.replace(":", "%3a") + "_all.deb"), debBytes(name, version));
        }
    }
}
