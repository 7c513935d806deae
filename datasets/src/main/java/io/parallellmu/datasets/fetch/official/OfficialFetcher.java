package io.parallellmu.datasets.fetch.official;

import io.parallellmu.datasets.fetch.AtomicDirectory;
import io.parallellmu.datasets.fetch.FetchException;
import io.parallellmu.datasets.fetch.SafeUnpacker;
import io.parallellmu.datasets.fetch.Unpacking;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Brings a task's official data into {@code <root>/<task>/}, exactly where the task's loader looks: downloads
 * each file into {@code <root>/.official/downloads/<task>/} (resumable), verifies it, unpacks or places it in
 * a temporary directory and renames that into place, so an interrupted fetch never leaves half a data set
 * where the loader looks. Data already present is left alone and nothing is downloaded.
 */
public final class OfficialFetcher {

    /** What a fetch did. */
    public enum Outcome {
        /** The data was already there; nothing was downloaded. */
        PRESENT,
        /** The data was downloaded and laid out. */
        FETCHED
    }

    private final Path root;
    private final SourceOverrides overrides;
    private final PrintStream out;
    private final Downloader downloader;
    private final TrustedOnFirstUse trusted;

    /**
     * Creates a fetcher.
     *
     * @param root the data root
     * @param overrides mirrors, pins and timeout in force
     * @param out where progress goes
     * @param terminal true to redraw progress in place, false for periodic plain lines
     */
    public OfficialFetcher(Path root, SourceOverrides overrides, PrintStream out, boolean terminal) {
        this.root = root;
        this.overrides = overrides;
        this.out = out;
        this.downloader = new Downloader(overrides.stallTimeout(), new ProgressPrinter(out, terminal));
        this.trusted = new TrustedOnFirstUse(root);
    }

    /**
     * Returns the folder for partial downloads and the trusted-on-first-use record.
     *
     * @param root the data root
     * @return {@code <root>/.official}
     */
    static Path workDir(Path root) {
        return root.resolve(".official");
    }

    /**
     * Fetches a task's official data unless it is already there.
     *
     * @param table the table's entry for the task (overrides are applied here)
     * @return whether anything was downloaded
     * @throws IOException if no source gave verified files, or unpacking failed; nothing is then left in the
     *     task directory that was not there before
     */
    public Outcome fetch(OfficialDataset table) throws IOException {
        OfficialDataset dataset = overrides.apply(table);
        Path taskDir = dataset.layout().directory(root);
        if (dataset.missing(taskDir).isEmpty()) {
            out.println(dataset.task() + ": present in " + taskDir + "; nothing to download");
            return Outcome.PRESENT;
        }
        Path downloads = workDir(root).resolve("downloads").resolve(dataset.task());
        Files.createDirectories(downloads);
        try {
            for (OfficialFile file : dataset.files()) {
                download(dataset.task(), file, downloads.resolve(file.name()));
            }
        } catch (FetchException e) {
            for (Path dir = downloads; !dir.equals(root); dir = dir.getParent()) {
                deleteIfEmpty(dir);
            }
            throw new FetchException(e.getMessage() + " Or lay out " + taskDir + " by hand as `fetch --official --list`"
                    + " describes.", e);
        }
        if (Files.exists(taskDir)) {
            out.println(dataset.task() + ": replacing the incomplete " + taskDir + " (missing "
                    + String.join(", ", dataset.missing(taskDir)) + ")");
        }
        deleteStaleTemporaries(taskDir);
        AtomicDirectory.publish(taskDir, temp -> layOut(dataset, downloads, temp));
        AtomicDirectory.deleteRecursively(downloads);
        out.println(dataset.task() + ": ready in " + taskDir);
        return Outcome.FETCHED;
    }

    /** Removes the temporary folders that a killed fetch of this task left beside its folder. */
    private static void deleteStaleTemporaries(Path taskDir) throws IOException {
        String prefix = taskDir.getFileName() + ".tmp-";
        try (Stream<Path> siblings = Files.list(taskDir.toAbsolutePath().getParent())) {
            for (Path stale : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                AtomicDirectory.deleteRecursively(stale);
            }
        }
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(dir);
            }
        }
    }

    private void download(String task, OfficialFile file, Path target) throws IOException {
        Optional<TrustedOnFirstUse.Entry> recorded =
                file.trustedOnFirstUse() ? trusted.find(task, file.name()) : Optional.empty();
        String expected = file.trustedOnFirstUse() ? recorded.map(TrustedOnFirstUse.Entry::sha256).orElse(null) : file.sha256();
        String sha256 = downloader.download(file, expected, target);
        if (file.trustedOnFirstUse() && recorded.isEmpty()) {
            trusted.record(task, file.name(), Files.size(target), sha256);
            out.println(file.name() + ": no published checksum; trusted on first use, recorded SHA-256 " + sha256);
        }
    }

    private static void layOut(OfficialDataset dataset, Path downloads, Path temp) throws IOException {
        for (OfficialFile file : dataset.files()) {
            Path downloaded = downloads.resolve(file.name());
            if (dataset.unpacking().format() == Unpacking.Format.NONE) {
                Files.copy(downloaded, temp.resolve(file.name()), StandardCopyOption.REPLACE_EXISTING);
            } else {
                SafeUnpacker.unpack(downloaded, dataset.unpacking(), temp);
            }
        }
        List<String> missing = dataset.missing(temp);
        if (!missing.isEmpty()) {
            throw new FetchException(dataset.task() + ": the downloaded files lack " + String.join(", ", missing)
                    + "; the official layout has changed or the archive is not the expected one");
        }
    }
}
