package io.parallellmu.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.datasets.fetch.official.OfficialCommand;
import io.parallellmu.datasets.fetch.official.SourceOverrides;
import io.parallellmu.datasets.imdb.AclImdb;
import io.parallellmu.datasets.iwslt.IwsltCorpus;
import io.parallellmu.datasets.mnist.MnistArchive;
import io.parallellmu.datasets.mnist.MnistFiles;
import io.parallellmu.datasets.qqp.GlueQqp;
import io.parallellmu.datasets.snli.SnliJsonl;
import io.parallellmu.datasets.text8.Text8File;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code fetch --official} against a mirror on the loopback address, chosen the way a user chooses one: the
 * {@code plmu.official.mirrors.<task>} properties, with the fixtures' own checksums pinned through the
 * {@code plmu.official.checksums} override file. Each case checks what is on disk afterwards.
 */
class OfficialFetchTest {

    @TempDir Path work;

    private Path root;
    private LocalMirror mirror;
    private Map<String, Map<String, byte[]>> fixtures;
    private final List<String> properties = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void serveFixtures() throws IOException {
        root = work.resolve("data");
        mirror = new LocalMirror();
        fixtures = OfficialFixtures.all();
        Map<String, Map<String, byte[]>> pinned = new LinkedHashMap<>(fixtures);
        Map<String, byte[]> iwsltPinned = new HashMap<>(fixtures.get("iwslt15-en-vi"));
        iwsltPinned.remove("vocab.en");
        iwsltPinned.remove("vocab.vi");
        pinned.put("iwslt15-en-vi", iwsltPinned);
        Path checksums = work.resolve("checksums.tsv");
        Files.writeString(checksums, OfficialFixtures.pins(pinned));
        set(SourceOverrides.CHECKSUMS, checksums.toString());
        set(SourceOverrides.TIMEOUT, "5");
        fixtures.forEach((task, files) -> {
            files.forEach((name, bytes) -> mirror.serve("/" + task + "/" + name, bytes));
            set(SourceOverrides.MIRRORS + task, mirror.base(task));
        });
    }

    @AfterEach
    void stop() {
        mirror.close();
        properties.forEach(System::clearProperty);
    }

    @Test
    void cleanFetchLaysOutWhatTheOfficialLoadersRead() throws IOException {
        assertEquals(0, fetch("all"), err());

        MnistArchive mnist = MnistArchive.read(MnistFiles.find(root.resolve("psmnist")).orElseThrow());
        assertEquals(3, mnist.trainLabels().count());
        assertEquals(2, mnist.testImages().count());
        AclImdb.Split imdbTrain = AclImdb.read(root.resolve("imdb"), "train");
        assertEquals(List.of("aclImdb/train/neg/0_3.txt", "aclImdb/train/neg/1_1.txt", "aclImdb/train/pos/0_9.txt",
                "aclImdb/train/pos/1_10.txt"), imdbTrain.files());
        assertEquals(2, GlueQqp.read(root.resolve("qqp/train.tsv")).size());
        assertEquals(1, GlueQqp.read(root.resolve("qqp/dev.tsv")).size());
        assertEquals(2, SnliJsonl.read(root.resolve("snli/snli_1.0_test.jsonl")).pairs().size());
        assertFalse(Files.exists(root.resolve("snli/__MACOSX")), "only the snli_1.0/ folder is unpacked");
        assertEquals(2, IwsltCorpus.read(root.resolve("iwslt15-en-vi")).splits().test().size());
        Path text8 = root.resolve("text8/text8");
        assertEquals(OfficialFixtures.TEXT8.length(), Files.size(text8));
        Text8File.Range train = Text8File.splits(Files.size(text8))[0];
        assertEquals(train.length(), Text8File.readIds(text8, train).length);

        assertNoLeftovers();
        assertTrue(out().contains("vocab.en: no published checksum; trusted on first use"), out());
        String listing = list();
        assertTrue(listing.contains("psmnist: present in " + root.resolve("psmnist")), listing);
        assertTrue(listing.matches("(?s).*vocab\\.en .*\\n    trusted on first use: SHA-256 [0-9a-f]{64} recorded .*"), listing);
    }

    @Test
    void secondFetchFindsEverythingAndDownloadsNothing() throws IOException {
        assertEquals(0, fetch("all"), err());
        mirror.forgetRequests();
        assertEquals(0, fetch("all"), err());
        assertEquals(List.of(), mirror.requests());
        assertTrue(out().contains("text8: present in " + root.resolve("text8") + "; nothing to download"), out());
    }

    @Test
    void listSaysWhatIsMissingAndWhereItWouldComeFrom() throws IOException {
        String listing = list();
        assertTrue(listing.contains("qqp: missing train.tsv, dev.tsv in " + root.resolve("qqp")), listing);
        assertTrue(listing.contains("from: " + mirror.base("qqp") + "QQP-clean.zip"), listing);
        assertTrue(listing.contains("trusted on first use: SHA-256 recorded on the first download"), listing);
        assertFalse(Files.exists(root.resolve("qqp")));
    }

    @Test
    void aGeneratedTaskHasNothingToDownloadAndIsNamedAmongTheValidTasks() throws IOException {
        assertTrue(list().contains("mackey-glass: generated by the loader; nothing to download"), out());
        out.reset();
        assertEquals(0, fetch("mackey-glass"), err());
        assertTrue(out().contains("mackey-glass: generated by the loader; nothing to download"), out());
        assertEquals(List.of(), OfficialCommand.select(List.of("mackey-glass")));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> OfficialCommand.select(List.of("nonesuch")));
        assertTrue(unknown.getMessage().contains("valid: all, mackey-glass (generated, nothing to download), psmnist"),
                unknown.getMessage());
    }

    @Test
    void resumesWithARangeRequestAfterTheConnectionIsCutHalfway() throws IOException {
        byte[] zip = fixtures.get("text8").get("text8.zip");
        mirror.fault("/text8/text8.zip", LocalMirror.Fault.CUT_ONCE);

        assertEquals(0, fetch("text8"), err());

        List<LocalMirror.Request> requests = mirror.requests();
        assertEquals(2, requests.size(), requests.toString());
        assertEquals("bytes=" + zip.length / 2 + "-", requests.get(1).range());
        assertTrue(Files.size(root.resolve("text8/text8")) > 0);
        assertNoLeftovers();
    }

    @Test
    void wrongChecksumIsDiscardedWithAnErrorNamingFileChecksumsAndUrl() throws IOException {
        byte[] zip = fixtures.get("qqp").get("QQP-clean.zip");
        String wrong = "0".repeat(64);
        Path checksums = work.resolve("wrong.tsv");
        Files.writeString(checksums, "QQP-clean.zip\t" + zip.length + "\t" + wrong + "\n");
        set(SourceOverrides.CHECKSUMS, checksums.toString());

        assertEquals(1, fetch("qqp"));

        String error = err();
        assertTrue(error.contains("QQP-clean.zip from " + mirror.base("qqp") + "QQP-clean.zip"), error);
        assertTrue(error.contains("expected SHA-256 " + wrong + " but got "
                + Checksums.sha256(zip)), error);
        assertFalse(Files.exists(root.resolve("qqp")));
        assertEquals(List.of(), filesUnder(root));
    }

    @Test
    void fallsBackToTheNextMirrorAfterA404() throws IOException {
        set(SourceOverrides.MIRRORS + "snli", mirror.base("gone") + "," + mirror.base("snli"));

        assertEquals(0, fetch("snli"), err());

        assertEquals(List.of("/gone/snli_1.0.zip", "/snli/snli_1.0.zip"),
                mirror.requests().stream().map(LocalMirror.Request::path).toList());
        assertTrue(out().contains("HTTP 404; trying the next source"), out());
        assertEquals(2, SnliJsonl.read(root.resolve("snli/snli_1.0_train.jsonl")).pairs().size());
        assertNoLeftovers();
    }

    @Test
    void fallsBackToTheNextMirrorWhenTheFirstServesMismatchingBytes() throws IOException {
        byte[] bad = fixtures.get("text8").get("text8.zip").clone();
        bad[bad.length / 2] ^= 1;
        mirror.serve("/corrupt/text8.zip", bad);
        set(SourceOverrides.MIRRORS + "text8", mirror.base("corrupt") + "," + mirror.base("text8"));

        assertEquals(0, fetch("text8"), err());

        assertTrue(out().contains("text8.zip from " + mirror.base("corrupt") + "text8.zip: checksum mismatch, expected"
                + " SHA-256 "), out());
        assertEquals(OfficialFixtures.TEXT8.length(), Files.size(root.resolve("text8/text8")));
        assertNoLeftovers();
    }

    @Test
    void followsRedirects() throws IOException {
        mirror.redirect("/moved/QQP-clean.zip", mirror.base("qqp") + "QQP-clean.zip");
        set(SourceOverrides.MIRRORS + "qqp", mirror.base("moved"));

        assertEquals(0, fetch("qqp"), err());

        assertEquals(2, GlueQqp.read(root.resolve("qqp/train.tsv")).size());
        assertNoLeftovers();
    }

    @Test
    void abandonsAStalledConnectionWithAClearMessage() throws IOException {
        set(SourceOverrides.TIMEOUT, "0.5");
        mirror.fault("/imdb/aclImdb_v1.tar.gz", LocalMirror.Fault.STALL);

        assertEquals(1, fetch("imdb"));

        assertTrue(err().contains("aclImdb_v1.tar.gz from " + mirror.base("imdb") + "aclImdb_v1.tar.gz: stalled: no data"
                + " for 0.5 s"), err());
        assertFalse(Files.exists(root.resolve("imdb")), "nothing where the loader looks");

        mirror.heal("/imdb/aclImdb_v1.tar.gz");
        assertEquals(0, fetch("imdb"), err());
        assertEquals(4, AclImdb.read(root.resolve("imdb"), "test").reviews().size());
        assertNoLeftovers();
    }

    @Test
    void refusesAnArchiveEntryThatClimbsOut() throws IOException {
        TarArchiveEntry evil = new TarArchiveEntry("aclImdb/../../../evil.txt", true);
        assertRefused(evil, "would land outside the target directory");
    }

    @Test
    void refusesALinkPointingOutside() throws IOException {
        TarArchiveEntry link = new TarArchiveEntry("aclImdb/train/neg/2_2.txt", TarConstants.LF_SYMLINK);
        link.setLinkName("../../../../../etc/passwd");
        assertRefused(link, "which points outside the target directory");
    }

    @Test
    void refusesAHardLinkPointingOutside() throws IOException {
        TarArchiveEntry link = new TarArchiveEntry("aclImdb/train/neg/2_2.txt", TarConstants.LF_LINK);
        link.setLinkName("../outside.txt");
        assertRefused(link, "which points outside the target directory");
    }

    private void assertRefused(TarArchiveEntry entry, String problem) throws IOException {
        byte[] archive = OfficialFixtures.imdb(Map.of(entry, OfficialFixtures.utf8("escaped")));
        mirror.serve("/imdb/aclImdb_v1.tar.gz", archive);
        Path checksums = work.resolve("hostile.tsv");
        Files.writeString(checksums, OfficialFixtures.pin("aclImdb_v1.tar.gz", archive));
        set(SourceOverrides.CHECKSUMS, checksums.toString());

        assertEquals(1, fetch("imdb"));

        assertTrue(err().contains("entry '" + entry.getName() + "' "), err());
        assertTrue(err().contains(problem), err());
        assertFalse(Files.exists(root.resolve("imdb")), "no half data set where the loader looks");
        try (Stream<Path> all = Files.walk(work)) {
            List<String> names = all.map(p -> p.getFileName().toString()).toList();
            assertFalse(names.contains("evil.txt") || names.contains("outside.txt"), names.toString());
        }
        try (Stream<Path> temps = Files.list(root)) {
            assertEquals(List.of(), temps.filter(p -> p.getFileName().toString().contains(".tmp-")).toList());
        }
    }

    /** Nothing half-written: no partial downloads, temporary folders or kept archives. */
    private void assertNoLeftovers() throws IOException {
        List<String> leftovers = filesUnder(root).stream()
                .filter(p -> p.contains(".part") || p.contains(".tmp-") || p.startsWith(".official/downloads/"))
                .toList();
        assertEquals(List.of(), leftovers);
    }

    /** Every regular file under a directory, relative to it, except the trusted-on-first-use record. */
    private static List<String> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(".official/trusted-on-first-use.tsv"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private int fetch(String task) {
        return run("--official", task, "--data-dir", root.toString());
    }

    private String list() {
        out.reset();
        assertEquals(0, run("--official", "--list", "--data-dir", root.toString()));
        return out();
    }

    private int run(String... args) {
        FetchCommand command = new FetchCommand(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandLine(command).execute(args);
    }

    private void set(String key, String value) {
        System.setProperty(key, value);
        properties.add(key);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
