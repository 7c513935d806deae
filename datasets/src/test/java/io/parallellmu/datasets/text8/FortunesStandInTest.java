package io.parallellmu.datasets.text8;

import io.parallellmu.vocabulary.DataKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Dataset;
import io.parallellmu.datasets.DataDirectory;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.fetch.StandInManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Real data: fetches the fortunes packages into the data directory's cache when it is not there yet. */
class FortunesStandInTest {

    @Test
    void realFortunesGiveAText8FileOfExpectedSize() throws Exception {
        Path dir = new FortunesStandIn().ensure(DataDirectory.root(), System.out);
        StandInManifest manifest = StandInManifest.read(dir);
        assertEquals("1:1.99.1-7.3", manifest.versions().get("fortunes"));
        assertEquals(FortunesStandIn.PINNED_SHA256, manifest.checksum());
        byte[] text = Files.readAllBytes(dir.resolve(Text8Dataset.FILE));
        assertTrue(text.length > 2_000_000 && text.length < 3_000_000, "characters " + text.length);
        int[] counts = new int[27];
        for (int i = 0; i < text.length; i++) {
            byte b = text[i];
            assertTrue(b == ' ' || (b >= 'a' && b <= 'z'), "byte " + i);
            assertTrue(!(b == ' ' && i > 0 && text[i - 1] == ' '), "double space at " + i);
            counts[b == ' ' ? 0 : b - 'a' + 1]++;
        }
        // English: about one character in six is a space, 'e' the most frequent letter.
        double spaces = counts[0] / (double) text.length;
        assertTrue(spaces > 0.15 && spaces < 0.22, "space share " + spaces);
        for (int c = 1; c < 27; c++) {
            assertTrue(counts[c] <= counts[5], (char) ('a' + c - 1) + " more frequent than e");
        }

        try (NDManager manager = NDManager.newBaseManager()) {
            Text8Dataset train =
                    Text8Dataset.builder()
                            .optSource(DataSource.STAND_IN)
                            .optUsage(Dataset.Usage.TRAIN)
                            .optManager(manager)
                            .optSequenceLength(180)
                            .setSampling(32, true)
                            .build();
            train.prepare();
            assertEquals(DataKind.STAND_IN, train.provenance().kind());
            assertEquals(manifest.checksum(), train.provenance().checksum());
            long trainChars = train.provenance().splitSizes().get("train-chars");
            assertEquals(text.length / 100 * 90 + text.length % 100 * 90 / 100, trainChars);
            assertEquals((trainChars - 1) / 180, train.size());
        }
    }
}
