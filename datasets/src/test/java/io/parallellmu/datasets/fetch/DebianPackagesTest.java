package io.parallellmu.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebianPackagesTest {

    @TempDir Path dir;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    @Test
    void pinnedVersionIsFetchedAndVerifiedWithoutUpdating() throws Exception {
        ScriptedApt apt = new ScriptedApt("pkg", "1.0-1", true);

        DebianPackages.Unpacked unpacked =
                new DebianPackages(log, apt, writableLists()).fetch(pin("pkg", "1.0-1"), dir.resolve("work"), "hint");

        assertTrue(unpacked.pinned());
        assertEquals("1.0-1", unpacked.version());
        assertTrue(Files.isRegularFile(unpacked.root().resolve("usr/share/pkg/data")));
        assertEquals(List.of("apt-get download pkg=1.0-1", "dpkg -x"), apt.calls);
    }

    @Test
    void replacedPinnedVersionFallsBackToTheCurrentOneAndRecordsIt() throws Exception {
        ScriptedApt apt = new ScriptedApt("pkg", "1:2.0-3", true);

        DebianPackages.Unpacked unpacked =
                new DebianPackages(log, apt, dir.resolve("no-lists")).fetch(pin("pkg", "1.0-1"), dir.resolve("work"), "hint");

        assertFalse(unpacked.pinned());
        assertEquals("1:2.0-3", unpacked.version());
        assertTrue(Files.isRegularFile(unpacked.root().resolve("usr/share/pkg/data")));
        assertEquals(List.of("apt-get download pkg=1.0-1", "apt-get download pkg", "dpkg -x"), apt.calls);
        String note = logged.toString(StandardCharsets.UTF_8);
        assertTrue(note.contains("pkg 1.0-1 is no longer in the archive; using the current version"), note);
        assertTrue(note.contains("pkg: fetched version 1:2.0-3 instead of the pinned 1.0-1"), note);
    }

    @Test
    void missingListsAreUpdatedOnceWhenWritable() throws Exception {
        ScriptedApt apt = new ScriptedApt("pkg", "1.0-1", false);
        DebianPackages debian = new DebianPackages(log, apt, writableLists());

        DebianPackages.Unpacked unpacked = debian.fetch(pin("pkg", "1.0-1"), dir.resolve("a"), "hint");
        DebianPackages.Unpacked again = debian.fetchCurrent("pkg", dir.resolve("b"), "hint");

        assertTrue(unpacked.pinned());
        assertEquals("1.0-1", again.version());
        assertEquals(
                List.of(
                        "apt-get download pkg=1.0-1",
                        "apt-get update",
                        "apt-get download pkg=1.0-1",
                        "dpkg -x",
                        "apt-get download pkg",
                        "dpkg -x"),
                apt.calls);
    }

    @Test
    void missingListsThatCannotBeUpdatedSayToRunAptGetUpdateAsRoot() {
        ScriptedApt apt = new ScriptedApt("pkg", "1.0-1", false);
        DebianPackages debian = new DebianPackages(log, apt, dir.resolve("no-lists"));

        FetchException e =
                assertThrows(FetchException.class, () -> debian.fetch(pin("pkg", "1.0-1"), dir.resolve("work"), "hint"));

        assertTrue(e.getMessage().startsWith("apt-get cannot download pkg=1.0-1: apt's package lists are missing or stale"), e.getMessage());
        assertTrue(e.getMessage().contains("Run 'apt-get update' once as root, then fetch again. hint"), e.getMessage());
        assertEquals(List.of("apt-get download pkg=1.0-1"), apt.calls);
    }

    @Test
    void listsAreUpdatedAtMostOnce() {
        ScriptedApt apt = new ScriptedApt("other", "1.0-1", false);
        DebianPackages debian = new DebianPackages(log, apt, writableLists());

        FetchException e =
                assertThrows(FetchException.class, () -> debian.fetchCurrent("pkg", dir.resolve("work"), "hint"));

        assertTrue(e.getMessage().startsWith("apt-get cannot download pkg even after 'apt-get update'"), e.getMessage());
        assertEquals(List.of("apt-get download pkg", "apt-get update", "apt-get download pkg"), apt.calls);
    }

    @Test
    void pinnedDebWithAnotherChecksumIsRefusedNotReplaced() {
        ScriptedApt apt = new ScriptedApt("pkg", "1.0-1", true);
        DebianPackages.Pin pin = new DebianPackages.Pin("pkg", "1.0-1", "ab".repeat(32));

        FetchException e = assertThrows(
                FetchException.class,
                () -> new DebianPackages(log, apt, writableLists()).fetch(pin, dir.resolve("work"), "hint"));

        assertTrue(e.getMessage().startsWith("Checksum mismatch for "), e.getMessage());
        assertEquals(List.of("apt-get download pkg=1.0-1"), apt.calls);
    }

    private Path writableLists() {
        return dir;
    }

    private static DebianPackages.Pin pin(String name, String version) {
        return new DebianPackages.Pin(name, version, Checksums.sha256(ScriptedApt.debBytes(name, version)));
    }

    /**
     * An archive holding one package at one version, answering like apt-get and dpkg. Until
     * {@code apt-get update} runs, lists that are not current know no package at all.
     */
    private static final class ScriptedApt implements CommandRunner {

        final List<String> calls = new ArrayList<>();
        private final String name;
        private final String version;
        private boolean listsCurrent;

        ScriptedApt(String name, String version, boolean listsCurrent) {
            this.name = name;
            this.version = version;
            this.listsCurrent = listsCurrent;
        }

        static byte[] debBytes(String name, String version) {
            return ("deb " + name + " " + version).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void run(Path dir, String manualHint, String... command) throws java.io.IOException {
            String line = String.join(" ", command);
            if (command[0].equals("dpkg")) {
                calls.add("dpkg -x");
                Path data = Path.of(command[3]).resolve("usr/share/" + name + "/data");
                Files.createDirectories(data.getParent());
                Files.writeString(data, "unpacked");
                return;
            }
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
