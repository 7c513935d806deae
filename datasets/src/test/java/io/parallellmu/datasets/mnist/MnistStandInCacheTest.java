package io.parallellmu.datasets.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.datasets.DataDirectory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MNIST stand-in's cache: a damaged cache is re-hashed and fetched again, and the scratch folders of a fetch
 * killed earlier are removed by the next one.
 */
class MnistStandInCacheTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir Path root;

    /** A stand-in whose "fetch" writes the fixture files and counts how often it ran. */
    private static final class FixtureStandIn extends MnistStandIn {
        private int fetches;

        FixtureStandIn(String pinned) {
            super("fixture-digits", "fixture digits", pinned, 2);
        }

        @Override
        protected String convert(Path dataRoot, PrintStream log, Path work, Path out) throws IOException {
            fetches++;
            MnistFixtures.writeOfficial(out, 6, 3, false);
            return "fixture";
        }

        @Override
        protected String manualHint(Path dataRoot) {
            return "none";
        }
    }

    private static String pinned(Path temp) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("pinned"));
        MnistFixtures.writeOfficial(dir, 6, 3, false);
        return MnistArchive.read(MnistFiles.plainIn(dir)).sha256();
    }

    @Test
    void aDamagedCacheIsFetchedAgain() throws IOException {
        String pinned = pinned(root);
        FixtureStandIn standIn = new FixtureStandIn(pinned);
        Path dir = standIn.ensure(root, QUIET);
        standIn.ensure(root, QUIET);
        assertEquals(1, standIn.fetches, "a sound cache is used as it is");

        Path images = dir.resolve(MnistFiles.NAMES.get(0));
        byte[] bytes = Files.readAllBytes(images);
        bytes[bytes.length - 1] ^= 0x55;
        Files.write(images, bytes);
        standIn.ensure(root, QUIET);

        assertEquals(2, standIn.fetches, "the damaged cache was fetched again");
        assertEquals(pinned, MnistArchive.read(MnistFiles.plainIn(dir)).sha256());
    }

    @Test
    void scratchFoldersOfAKilledFetchAreRemoved() throws IOException {
        FixtureStandIn standIn = new FixtureStandIn(pinned(root));
        Path parent = DataDirectory.standIn(root, standIn.name()).getParent();
        Path work = Files.createDirectories(parent.resolve(standIn.name() + ".work-123"));
        Files.writeString(work.resolve("half.deb"), "x");
        Path tmp = Files.createDirectories(parent.resolve(standIn.name() + ".tmp-456"));
        Path other = Files.createDirectories(parent.resolve("another.tmp-789"));

        standIn.ensure(root, QUIET);

        assertFalse(Files.exists(work), "stale work folder");
        assertFalse(Files.exists(tmp), "stale temporary folder");
        assertTrue(Files.exists(other), "another stand-in's folder is left alone");
    }

    @Test
    void theCacheIsReadableByOtherUsers() throws IOException {
        Path dir = new FixtureStandIn(pinned(root)).ensure(root, QUIET);
        assertTrue(Files.getPosixFilePermissions(dir).containsAll(
                Set.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE)),
                "the shared cache must not be owner-only: " + Files.getPosixFilePermissions(dir));
    }
}
