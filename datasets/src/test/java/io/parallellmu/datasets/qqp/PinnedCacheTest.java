package io.parallellmu.datasets.qqp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parallellmu.datasets.fetch.StandInManifest;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cached stand-in whose data and manifest were changed together is checked against the pinned checksum. */
class PinnedCacheTest {

    @TempDir Path root;

    @Test
    void aCacheAlteredTogetherWithItsManifestIsFetchedAgain() throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        QqpSyntheticStandIn standIn = new QqpSyntheticStandIn();
        Path dir = standIn.ensure(root, quiet);
        Path train = dir.resolve("train.tsv");
        String original = Files.readString(train);
        Files.writeString(train, "1\t2\t3\tWhat is up ?\tWhat is down ?\t1\n", StandardOpenOption.APPEND);
        StandInManifest m = StandInManifest.read(dir);
        new StandInManifest(m.task(), m.kind(), m.source(), m.files(), StandInManifest.checksumOf(dir, m.files()),
                m.versions(), m.details()).write(dir);

        standIn.ensure(root, quiet);

        assertEquals(QqpSyntheticStandIn.PINNED_SHA256, StandInManifest.read(dir).checksum());
        assertEquals(original, Files.readString(train), "the altered data was replaced");
    }
}
