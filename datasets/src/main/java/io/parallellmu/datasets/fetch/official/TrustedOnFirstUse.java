package io.parallellmu.datasets.fetch.official;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SHA-256 of files with no published checksum, recorded on their first download and enforced on every
 * later one: {@code <root>/.official/trusted-on-first-use.tsv}, lines {@code task TAB file TAB size TAB sha256
 * TAB date}. Written atomically.
 */
final class TrustedOnFirstUse {

    /**
     * One recorded file.
     *
     * @param task the task
     * @param file the file name
     * @param size its size in bytes
     * @param sha256 its SHA-256
     * @param date when it was recorded
     */
    record Entry(String task, String file, long size, String sha256, String date) {}

    private final Path store;

    /**
     * Opens the record of a data root.
     *
     * @param root the data root
     */
    TrustedOnFirstUse(Path root) {
        this.store = OfficialFetcher.workDir(root).resolve("trusted-on-first-use.tsv");
    }

    /**
     * Finds a file's record.
     *
     * @param task the task
     * @param file the file name
     * @return its record, if any
     * @throws IOException if the record cannot be read
     */
    Optional<Entry> find(String task, String file) throws IOException {
        return entries().stream().filter(e -> e.task().equals(task) && e.file().equals(file)).findFirst();
    }

    /**
     * Records a file's checksum, replacing an earlier record of it.
     *
     * @param task the task
     * @param file the file name
     * @param size its size
     * @param sha256 its SHA-256
     * @throws IOException if the record cannot be written
     */
    void record(String task, String file, long size, String sha256) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Entry e : entries()) {
            if (!(e.task().equals(task) && e.file().equals(file))) {
                lines.add(String.join("\t", e.task(), e.file(), Long.toString(e.size()), e.sha256(), e.date()));
            }
        }
        lines.add(String.join("\t", task, file, Long.toString(size), sha256, LocalDate.now().toString()));
        Files.createDirectories(store.getParent());
        Path temp = Files.createTempFile(store.getParent(), "tofu", ".tmp");
        try {
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private List<Entry> entries() throws IOException {
        if (!Files.exists(store)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length == 5) {
                entries.add(new Entry(f[0], f[1], Long.parseLong(f[2]), f[3], f[4]));
            }
        }
        return entries;
    }
}
