package io.parallellmu.datasets.text;

import io.parallellmu.datasets.DataDirectory;
import io.parallellmu.datasets.fetch.AtomicDirectory;
import io.parallellmu.datasets.fetch.StandInManifest;
import io.parallellmu.datasets.fetch.StandInSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A stand-in converted once into {@code <root>/stand-in/<name>/}: when the cached files match their
 * {@link StandInManifest} it returns at once; otherwise it fetches into a scratch directory, converts into a
 * temporary directory and publishes that with {@link AtomicDirectory}, so the cache never holds half a data set.
 */
public abstract class CachedStandIn implements StandInSource {

    private final String name;
    private final String task;
    private final String description;

    /**
     * Creates the stand-in.
     *
     * @param name its name, used on the command line and as its cache folder
     * @param task the task it stands in for
     * @param description what the data is and where it comes from, in one line
     */
    protected CachedStandIn(String name, String task, String description) {
        this.name = name;
        this.task = task;
        this.description = description;
    }

    /** {@inheritDoc} */
    @Override
    public final String name() {
        return name;
    }

    /** {@inheritDoc} */
    @Override
    public final String task() {
        return task;
    }

    /** {@inheritDoc} */
    @Override
    public final String description() {
        return description;
    }

    /**
     * Returns the checksum a cache with this manifest must have, when it is pinned, so that a cache whose data and
     * manifest were changed together is fetched again rather than trusted.
     *
     * @param cached the cache's manifest, whose recorded package versions may decide the pinned checksum
     * @return the pinned checksum, or empty when none is pinned for what the manifest records
     */
    protected Optional<String> pinnedChecksum(StandInManifest cached) {
        return Optional.empty();
    }

    /**
     * Fetches and converts the data.
     *
     * @param target the empty temporary directory to write the converted files and manifest into
     * @param scratch an empty directory for downloads, deleted afterwards
     * @param log where to say what is done
     * @throws IOException if fetching or converting fails
     */
    protected abstract void convert(Path target, Path scratch, PrintStream log) throws IOException;

    /**
     * Says why a cache cannot be used as it is: where a checksum is pinned for what its manifest records, the
     * manifest must carry it, and its files must match the manifest.
     *
     * @param dir the cache directory
     * @param cached its manifest
     * @return why the cache is fetched again, or empty when it is used as it is
     */
    public final Optional<String> refusal(Path dir, StandInManifest cached) {
        Optional<String> pinned = pinnedChecksum(cached);
        if (pinned.isPresent() && !pinned.get().equals(cached.checksum())) {
            return Optional.of("the cache in " + dir + " has SHA-256 " + cached.checksum() + " but " + pinned.get()
                    + " is pinned (data and manifest changed together)");
        }
        if (!cached.filesMatch(dir)) {
            return Optional.of("the files in " + dir + " do not match their manifest's checksum");
        }
        return Optional.empty();
    }

    /** {@inheritDoc} */
    @Override
    public final Path ensure(Path dataRoot, PrintStream log) throws IOException {
        Path dir = DataDirectory.standIn(dataRoot, name());
        return AtomicDirectory.whileLocked(dir, () -> ensureLocked(dir, log));
    }

    private Path ensureLocked(Path dir, PrintStream log) throws IOException {
        Optional<StandInManifest> cached = StandInManifest.readCached(dir, log);
        if (cached.isPresent()) {
            Optional<String> refusal = refusal(dir, cached.get());
            if (refusal.isEmpty()) {
                return dir;
            }
            log.println(name() + ": " + refusal.get());
        }
        log.println(name() + ": converting into " + dir);
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path scratch = Files.createTempDirectory(parent, name() + ".download-");
        try {
            AtomicDirectory.publish(dir, target -> convert(target, scratch, log));
        } finally {
            AtomicDirectory.deleteRecursively(scratch);
        }
        StandInManifest manifest = StandInManifest.read(dir);
        log.println(name() + ": done, " + manifest.kind().id() + " data, SHA-256 " + manifest.checksum());
        return dir;
    }
}
