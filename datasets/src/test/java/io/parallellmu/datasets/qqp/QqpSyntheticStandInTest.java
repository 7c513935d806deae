package io.parallellmu.datasets.qqp;

import io.parallellmu.vocabulary.DataKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Dataset;
import io.parallellmu.datasets.DataDirectory;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.fetch.StandInManifest;
import io.parallellmu.datasets.text.EventGrammar.Event;
import io.parallellmu.datasets.text.GrammarParser;
import io.parallellmu.datasets.text.OverlapBaseline;
import io.parallellmu.datasets.text.SentencePair;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class QqpSyntheticStandInTest {

    @Test
    void pairsAreBalancedAndLabelledByMeaningNotWords() throws Exception {
        Path dir = new QqpSyntheticStandIn().ensure(DataDirectory.root(), System.out);
        StandInManifest manifest = StandInManifest.read(dir);
        assertEquals(DataKind.SYNTHETIC, manifest.kind());
        assertEquals(QqpSyntheticStandIn.PINNED_SHA256, manifest.checksum());
        List<SentencePair> train = GlueQqp.read(dir.resolve("train.tsv"));
        List<SentencePair> dev = GlueQqp.read(dir.resolve("dev.tsv"));
        assertEquals(QqpSyntheticStandIn.TRAIN_PAIRS, train.size());
        assertEquals(QqpSyntheticStandIn.DEV_PAIRS, dev.size());
        double duplicates = train.stream().filter(p -> p.label() == 1).count() / (double) train.size();
        assertTrue(Math.abs(duplicates - 0.5) < 0.02, "duplicate share " + duplicates);

        // Learnable: the label is exactly "same event", read from the words and their order.
        for (SentencePair pair : train) {
            Event a = GrammarParser.parse(pair.first());
            Event b = GrammarParser.parse(pair.second());
            assertEquals(pair.label() == 1, a.equals(b), pair.toString());
        }
        // Not trivial: word overlap alone is at chance.
        double overlap = OverlapBaseline.accuracy(train, dev, 2);
        assertTrue(overlap < 0.56, "bag-of-words overlap baseline reaches " + overlap);
    }

    @Test
    void datasetSaysItIsSynthetic() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            QqpDataset data =
                    QqpDataset.builder()
                            .optSource(DataSource.STAND_IN)
                            .optUsage(Dataset.Usage.TEST)
                            .optManager(manager)
                            .setSampling(32, false)
                            .build();
            data.prepare();
            assertEquals(DataKind.SYNTHETIC, data.provenance().kind());
            assertTrue(data.provenance().sourceName().startsWith("synthetic"), data.provenance().sourceName());
            assertEquals("train=36000;valid=4000;test=4000", data.provenance().splitSizesField());
            assertEquals(4000, data.size());
        }
    }
}
