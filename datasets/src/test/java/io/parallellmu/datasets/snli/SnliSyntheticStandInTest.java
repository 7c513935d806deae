package io.parallellmu.datasets.snli;

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
import org.junit.jupiter.api.Test;

class SnliSyntheticStandInTest {

    @Test
    void pairsAreBalancedAndLabelledByMeaningNotWords() throws Exception {
        Path dir = new SnliSyntheticStandIn().ensure(DataDirectory.root(), System.out);
        StandInManifest manifest = StandInManifest.read(dir);
        assertEquals(DataKind.SYNTHETIC, manifest.kind());
        assertEquals(SnliSyntheticStandIn.PINNED_SHA256, manifest.checksum());
        SnliJsonl.Split train = SnliJsonl.read(dir.resolve(SnliDataset.FILES.get(0)));
        SnliJsonl.Split test = SnliJsonl.read(dir.resolve(SnliDataset.FILES.get(2)));
        assertEquals(50_000, train.pairs().size());
        assertEquals(0, train.skipped());
        for (int label = 0; label < 3; label++) {
            int l = label;
            double share = train.pairs().stream().filter(p -> p.label() == l).count() / 50_000.0;
            assertTrue(Math.abs(share - 1 / 3.0) < 0.02, "class " + label + " share " + share);
        }
        // Learnable: every label follows from the documented rules applied to the parsed sentences.
        for (SentencePair pair : train.pairs()) {
            assertEquals(
                    pair.label(),
                    EntailmentRules.relation(GrammarParser.parse(pair.first()), GrammarParser.parse(pair.second())),
                    pair.toString());
        }
        // Not trivial: word overlap alone is near chance (1/3); measured 0.40, the word "not" being its only clue.
        double overlap = OverlapBaseline.accuracy(train.pairs(), test.pairs(), 3);
        assertTrue(overlap < 0.43, "bag-of-words overlap baseline reaches " + overlap);
    }

    @Test
    void rulesFollowTheScopeOfTimeAndNegation() {
        Event ever = new Event(0, 0, 1, -1, false);
        Event yesterday = ever.with(0, false);
        assertEquals(EntailmentRules.ENTAILMENT, EntailmentRules.relation(yesterday, ever));
        assertEquals(EntailmentRules.NEUTRAL, EntailmentRules.relation(ever, yesterday));
        assertEquals(EntailmentRules.CONTRADICTION, EntailmentRules.relation(yesterday, ever.with(-1, true)));
        assertEquals(EntailmentRules.ENTAILMENT, EntailmentRules.relation(ever.with(-1, true), yesterday.with(0, true)));
        assertEquals(EntailmentRules.NEUTRAL, EntailmentRules.relation(yesterday.with(0, true), ever.with(-1, true)));
        assertEquals(EntailmentRules.CONTRADICTION, EntailmentRules.relation(ever.with(-1, true), yesterday));
        assertEquals(EntailmentRules.NEUTRAL, EntailmentRules.relation(yesterday, yesterday.swapped()));
    }

    @Test
    void datasetSaysItIsSynthetic() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            SnliDataset data =
                    SnliDataset.builder()
                            .optSource(DataSource.STAND_IN)
                            .optUsage(Dataset.Usage.VALIDATION)
                            .optManager(manager)
                            .setSampling(32, false)
                            .build();
            data.prepare();
            assertEquals(DataKind.SYNTHETIC, data.provenance().kind());
            assertTrue(data.provenance().sourceName().startsWith("synthetic"), data.provenance().sourceName());
            assertEquals("train=50000;valid=5000;test=5000", data.provenance().splitSizesField());
        }
    }
}
