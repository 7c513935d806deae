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
     * Returns the checksum every conversion of this stand-in has, when it is always the same, so that a cache
     * whose data and manifest were changed together is fetched again rather than trusted.
     *
     * @return the pinned checksum, or empty when it depends on the fetched packages' versions
     */
    protected Optional<String> pinnedChecksum() {
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

    /** {@inheritDoc} */
    @Override
    public final Path ensure(Path dataRoot, PrintStream log) throws IOException {
        Path dir = DataDirectory.standIn(dataRoot, name());
        return AtomicDirectory.whileLocked(dir, () -> ensureLocked(dir, log));
    }

    private Path ensureLocked(Path dir, PrintStream log) throws IOException {
        Optional<StandInManifest> cached = StandInManifest.readCached(dir, log);
        if (cached.isPresent()) {
            Optional<String> pinned = pinnedChecksum();
            if (pinned.isPresent() && !pinned.get().equals(cached.get().checksum())) {
                log.println(name() + ": the cache in " + dir + " has SHA-256 " + cached.get().checksum() + " but "
                        + pinned.get() + " is pinned (data and manifest changed together)");
            } else if (cached.get().filesMatch(dir)) {
                return dir;
            } else {
                log.println(name() + ": the files in " + dir + " do not match their manifest's checksum");
            }
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
