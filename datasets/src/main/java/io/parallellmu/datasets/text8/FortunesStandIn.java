package io.parallellmu.datasets.text8;

import com.google.auto.service.AutoService;
import io.parallellmu.datasets.fetch.StandInSource;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.vocabulary.DataKind;
import io.parallellmu.datasets.fetch.DebianPackages.Pin;
import io.parallellmu.datasets.fetch.DebianPackages;
import io.parallellmu.datasets.fetch.FetchException;
import io.parallellmu.datasets.fetch.StandInManifest;
import io.parallellmu.datasets.text.CachedStandIn;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The stand-in for text8: the English quotations of Debian's {@code fortunes} and {@code fortunes-min}
 * packages (about 2.4 MB of text), normalised exactly as text8 was ({@link Text8Normalizer}) into one file
 * {@code text8} in text8's format.
 *
 * <p>Only the data files under {@code usr/share/games/fortunes/} are read: the {@code .dat} index files and the
 * {@code .u8} links are left out. Files are taken in package order, then name order; the {@code %} lines that
 * separate quotations become spaces like all punctuation.
 */
@AutoService(StandInSource.class)
public final class FortunesStandIn extends CachedStandIn {

    /** The stand-in's name. */
    public static final String NAME = "fortunes-text8";

    /** The packages, their pinned versions and the SHA-256 of those versions' {@code .deb}s. */
    public static final List<Pin> PACKAGES =
            List.of(
                    new Pin("fortunes", "1:1.99.1-7.3", "41d0551dc0ff52f875a2ecef7c39da2f672ab468c37e170119f7e0245a9d63c5"),
                    new Pin("fortunes-min", "1:1.99.1-7.3", "9eed5b45064e41133dae0967cf3a17588ad77c014fcc7bf1527fa3ea48e44d07"));

    /** The checksum ({@link StandInManifest#checksumOf}) of the converted file from the pinned packages. */
    public static final String PINNED_SHA256 = "78e30fece20210eb7446eccd494fd98051ca2466cdbccbfcec81a858f0f0e480";

    private static final String FORTUNES = "usr/share/games/fortunes";
    private static final String MANUAL_HINT =
            "To use the official data instead, put text8 (one line of 100M characters) at <data dir>/"
                    + TaskId.TEXT8.id() + "/" + Text8Dataset.FILE + ".";

    /** Creates the stand-in. */
    public FortunesStandIn() {
        super(
                NAME,
                TaskId.TEXT8.id(),
                "Debian fortunes: about 2.4 MB of English quotations normalised as text8, standing in for text8");
    }

    /**
     * Returns the pinned checksum for a cache that records the pinned packages' versions, so that such a cache
     * whose data and manifest were changed together is fetched again; a cache converted from newer packages
     * (when the archive no longer had the pinned ones) has no pinned checksum and is checked against its manifest.
     *
     * @param cached the cache's manifest
     * @return the pinned checksum, or empty for a cache from other package versions
     */
    @Override
    protected Optional<String> pinnedChecksum(StandInManifest cached) {
        return DebianPackages.pinnedChecksum(cached.versions(), PACKAGES, PINNED_SHA256);
    }

    /** {@inheritDoc} */
    @Override
    protected void convert(Path target, Path scratch, PrintStream log) throws IOException {
        DebianPackages debian = new DebianPackages(log);
        Text8Normalizer normalizer = new Text8Normalizer();
        Map<String, String> versions = new LinkedHashMap<>();
        boolean allPinned = true;
        for (Pin pin : PACKAGES) {
            DebianPackages.Unpacked unpacked = debian.fetch(pin, scratch.resolve(pin.name()), MANUAL_HINT);
            versions.put(pin.name(), unpacked.version());
            allPinned &= unpacked.pinned();
            for (Path file : dataFiles(unpacked.root().resolve(FORTUNES))) {
                normalizer.append(Files.readAllBytes(file));
            }
        }
        byte[] text = normalizer.toBytes();
        if (text.length == 0) {
            throw new FetchException("The fortunes packages held no text under " + FORTUNES + ". " + MANUAL_HINT);
        }
        Files.write(target.resolve(Text8Dataset.FILE), text);
        StandInManifest manifest =
                StandInManifest.describe(
                        target,
                        task(),
                        DataKind.STAND_IN,
                        "stand-in: Debian fortunes quotations normalised as text8 (not Wikipedia's text8)",
                        List.of(Text8Dataset.FILE),
                        versions);
        if (allPinned) {
            manifest.requireChecksum(PINNED_SHA256, "The fortunes text from the pinned packages");
        }
        manifest.write(target);
    }

    private static List<Path> dataFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().endsWith(".dat"))
                    .filter(p -> !p.getFileName().toString().endsWith(".u8"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
