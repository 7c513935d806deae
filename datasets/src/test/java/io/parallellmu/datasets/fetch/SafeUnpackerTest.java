package io.parallellmu.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeUnpackerTest {

    /** One zip entry and its content. */
    private record Item(ZipArchiveEntry entry, String content) {
        Item(String name, String content) {
            this(new ZipArchiveEntry(name), content);
        }
    }

    @TempDir Path work;

    @Test
    void unpacksOnlyThePrefixWithoutIt() throws IOException {
        Path zip = zip(List.of(new Item("QQP/train.tsv", "a"), new Item("QQP/dev.tsv", "b"), new Item("__MACOSX/x", "c")));
        Path target = Files.createDirectories(work.resolve("out"));
        SafeUnpacker.unpack(zip, new Unpacking(Unpacking.Format.ZIP, "QQP/", 100), target);
        assertEquals(List.of("dev.tsv", "train.tsv"), names(target));
        assertEquals("a", Files.readString(target.resolve("train.tsv")));
    }

    @Test
    void refusesMoreThanTheCap() throws IOException {
        Path zip = zip(List.of(new Item("a", "x".repeat(60)), new Item("b", "y".repeat(60))));
        Path target = Files.createDirectories(work.resolve("out"));
        FetchException e = assertThrows(FetchException.class,
                () -> SafeUnpacker.unpack(zip, new Unpacking(Unpacking.Format.ZIP, "", 100), target));
        assertTrue(e.getMessage().contains("unpacks to more than 100 bytes (at b)"), e.getMessage());
    }

    @Test
    void refusesAbsoluteNames() throws IOException {
        Path target = Files.createDirectories(work.resolve("out"));
        Path absolute = zip(List.of(new Item("/etc/cron.d/x", "evil")));
        FetchException e = assertThrows(FetchException.class,
                () -> SafeUnpacker.unpack(absolute, new Unpacking(Unpacking.Format.ZIP, "", 100), target));
        assertTrue(e.getMessage().contains("entry '/etc/cron.d/x' has an absolute path"), e.getMessage());
        assertEquals(List.of(), names(target));
    }

    @Test
    void refusesZipLinksPointingOut() throws IOException {
        Path target = Files.createDirectories(work.resolve("out"));
        ZipArchiveEntry link = new ZipArchiveEntry("text8");
        link.setUnixMode(UnixStat.LINK_FLAG | 0777);
        Path linked = zip(List.of(new Item(link, "../../outside")));
        FetchException e = assertThrows(FetchException.class,
                () -> SafeUnpacker.unpack(linked, new Unpacking(Unpacking.Format.ZIP, "", 100), target));
        assertTrue(e.getMessage().contains("is a link to ../../outside, which points outside the target"), e.getMessage());
        assertEquals(List.of(), names(target));
    }

    private Path zip(List<Item> items) throws IOException {
        Path file = Files.createTempFile(work, "archive", ".zip");
        try (OutputStream raw = Files.newOutputStream(file); ZipArchiveOutputStream zip = new ZipArchiveOutputStream(raw)) {
            for (Item item : items) {
                zip.putArchiveEntry(item.entry());
                zip.write(item.content().getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        return file;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
