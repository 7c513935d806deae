package io.parallellmu.datasets.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.vocabulary.DataKind;
import io.parallellmu.datasets.fetch.DebianPackages.Pin;
import io.parallellmu.datasets.fetch.StandInManifest;
import io.parallellmu.datasets.iwslt.GettextCorpusStandIn;
import io.parallellmu.datasets.text8.FortunesStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stand-ins converted from pinned Debian packages (fortunes for text8, gettext for IWSLT) check their cache
 * against the pinned checksum when it records the pinned versions, so data and manifest changed together are
 * refused; a cache converted from newer packages has no pinned checksum and is checked against its manifest.
 */
class DebianPinnedCacheTest {

    @TempDir Path dir;

    static Stream<Arguments> standIns() {
        return Stream.of(
                Arguments.of(new FortunesStandIn(), FortunesStandIn.PACKAGES),
                Arguments.of(new GettextCorpusStandIn(), GettextCorpusStandIn.PACKAGES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("standIns")
    void aCacheOfThePinnedPackagesAlteredTogetherWithItsManifestIsRefused(CachedStandIn standIn, List<Pin> pins)
            throws IOException {
        StandInManifest altered = alteredCache(standIn, versions(pins, false));

        Optional<String> refusal = standIn.refusal(dir, altered);

        assertTrue(refusal.isPresent(), "the altered cache was accepted");
        assertTrue(refusal.get().contains("has SHA-256 " + altered.checksum() + " but ")
                && refusal.get().contains("is pinned (data and manifest changed together)"), refusal.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("standIns")
    void aCacheOfNewerPackagesIsCheckedAgainstItsManifest(CachedStandIn standIn, List<Pin> pins) throws IOException {
        StandInManifest newer = alteredCache(standIn, versions(pins, true));

        assertEquals(Optional.empty(), standIn.refusal(dir, newer));

        Files.writeString(dir.resolve("data.txt"), "damaged");
        assertTrue(standIn.refusal(dir, newer).orElseThrow().contains("do not match their manifest's checksum"));
    }

    /** Writes a data file and a manifest that agree with each other, as if both had been changed together. */
    private StandInManifest alteredCache(CachedStandIn standIn, Map<String, String> versions) throws IOException {
        Files.writeString(dir.resolve("data.txt"), "not what the pinned packages give");
        StandInManifest manifest = StandInManifest.describe(
                dir, standIn.task(), DataKind.STAND_IN, "altered", List.of("data.txt"), versions);
        manifest.write(dir);
        return manifest;
    }

    /** The pinned packages' versions, or the same with the last package one version newer. */
    private static Map<String, String> versions(List<Pin> pins, boolean lastNewer) {
        Map<String, String> versions = new LinkedHashMap<>();
        pins.forEach(pin -> versions.put(pin.name(), pin.version()));
        if (lastNewer) {
            Pin last = pins.get(pins.size() - 1);
            versions.put(last.name(), last.version() + "+1");
        }
        return versions;
    }
}
