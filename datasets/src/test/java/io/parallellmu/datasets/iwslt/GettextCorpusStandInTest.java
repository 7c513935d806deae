package io.parallellmu.datasets.iwslt;

import io.parallellmu.vocabulary.DataKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Dataset;
import io.parallellmu.datasets.DataDirectory;
import io.parallellmu.datasets.DataProvenance;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.fetch.DebianPackages;
import io.parallellmu.datasets.fetch.StandInManifest;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Real data: fetches the pinned Debian packages into the data directory's cache when it is not there yet. */
class GettextCorpusStandInTest {

    @Test
    void realCatalogsGiveAPinnedCorpusOfExpectedSize() throws Exception {
        Path dir = new GettextCorpusStandIn().ensure(DataDirectory.root(), System.out);
        StandInManifest manifest = StandInManifest.read(dir);
        assertEquals(GettextCorpusStandIn.PACKAGES.size(), manifest.versions().size());
        boolean allPinned =
                GettextCorpusStandIn.PACKAGES.stream()
                        .allMatch(p -> p.version().equals(manifest.versions().get(p.name())));
        if (allPinned) {
            assertEquals(GettextCorpusStandIn.PINNED_CORPUS_SHA256, manifest.checksum());
        }
        IwsltCorpus corpus = IwsltCorpus.read(dir);
        int train = corpus.splits().train().size();
        int valid = corpus.splits().valid().size();
        int test = corpus.splits().test().size();
        int total = train + valid + test;
        assertTrue(total > 20_000 && total < 30_000, "pairs " + total);
        assertTrue(Math.abs(valid / (double) total - 0.05) < 0.01, "tst2012 share " + valid);
        assertTrue(Math.abs(test / (double) total - 0.05) < 0.01, "tst2013 share " + test);
        Set<String> pairs = new HashSet<>();
        Set<String> trainEnglish = new HashSet<>();
        corpus.splits().train().forEach(p -> trainEnglish.add(String.join(" ", p.english())));
        for (IwsltCorpus.Pair p : corpus.splits().train()) {
            assertTrue(!p.english().isEmpty() && !p.vietnamese().isEmpty());
            assertTrue(!p.english().equals(p.vietnamese()), "identical pair " + p);
            assertTrue(pairs.add(p.english() + "\t" + p.vietnamese()), "duplicate " + p);
        }
        assertTrue(corpus.splits().test().stream().noneMatch(p -> trainEnglish.contains(String.join(" ", p.english()))),
                "one English message never sits in two splits");

        try (NDManager manager = NDManager.newBaseManager()) {
            IwsltDataset data =
                    IwsltDataset.builder()
                            .optSource(DataSource.STAND_IN)
                            .optUsage(Dataset.Usage.TEST)
                            .optManager(manager)
                            .optSourceVocabularySize(8_000)
                            .setSampling(64, false)
                            .build();
            data.prepare();
            DataProvenance provenance = data.provenance();
            assertEquals(DataKind.STAND_IN, provenance.kind());
            assertEquals(manifest.checksum(), provenance.checksum());
            assertTrue(provenance.sourceName().contains("coreutils " + manifest.versions().get("coreutils")), provenance.sourceName());
            assertEquals(test, data.size());
            assertEquals(8_000, data.sourceVocabulary().size());
        }
    }

    @Test
    void everyPinnedPackageIsNamedOnce() {
        Set<String> names = new HashSet<>();
        for (DebianPackages.Pin pin : GettextCorpusStandIn.PACKAGES) {
            assertTrue(names.add(pin.name()), pin.name());
            assertEquals(64, pin.sha256().length());
        }
    }
}
