package io.parallellmu.datasets.fetch;

import io.parallellmu.vocabulary.DataKind;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.training.dataset.Dataset;
import io.parallellmu.datasets.DataProvenance;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.fetch.official.OfficialDataset;
import io.parallellmu.datasets.fetch.official.OfficialFetcher;
import io.parallellmu.datasets.fetch.official.OfficialSources;
import io.parallellmu.datasets.fetch.official.SourceOverrides;
import io.parallellmu.datasets.imdb.ImdbDataset;
import io.parallellmu.datasets.iwslt.IwsltDataset;
import io.parallellmu.datasets.mnist.PermutedMnist;
import io.parallellmu.datasets.qqp.QqpDataset;
import io.parallellmu.datasets.snli.SnliDataset;
import io.parallellmu.datasets.text.ManagedTest;
import io.parallellmu.datasets.text8.Text8Dataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a fetch, each task's DJL dataset, asked for official data only, prepares from what was laid out, with no
 * further step: the layout is exactly where the loaders look.
 */
class OfficialLayoutTest extends ManagedTest {

    @TempDir Path work;

    @Test
    void everyTaskDatasetPreparesFromTheFetchedLayout() throws Exception {
        Path root = work.resolve("data");
        fetchAll(root);

        PermutedMnist mnist = PermutedMnist.builder().optDataDir(root).optSource(DataSource.OFFICIAL)
                .optUsage(Dataset.Usage.TRAIN).optValidationSize(1).optManager(manager).setSampling(1, false).build();
        mnist.prepare();
        assertOfficial(mnist.provenance());
        ImdbDataset imdb = ImdbDataset.builder().optDataDir(root).optSource(DataSource.OFFICIAL)
                .optUsage(Dataset.Usage.TEST).optManager(manager).optMaxLength(6).setSampling(2, false).build();
        imdb.prepare();
        assertOfficial(imdb.provenance());
        QqpDataset qqp = QqpDataset.builder().optDataDir(root).optSource(DataSource.OFFICIAL)
                .optUsage(Dataset.Usage.TEST).optManager(manager).optMaxLength(6).setSampling(2, false).build();
        qqp.prepare();
        assertOfficial(qqp.provenance());
        SnliDataset snli = SnliDataset.builder().optDataDir(root).optSource(DataSource.OFFICIAL)
                .optUsage(Dataset.Usage.TEST).optManager(manager).optMaxLength(6).setSampling(2, false).build();
        snli.prepare();
        assertOfficial(snli.provenance());
        IwsltDataset iwslt = IwsltDataset.builder().optDataDir(root).optSource(DataSource.OFFICIAL)
                .optUsage(Dataset.Usage.TEST).optManager(manager).optMaxSourceLength(4).optMaxTargetLength(5)
                .setSampling(2, false).build();
        iwslt.prepare();
        assertOfficial(iwslt.provenance());
        Text8Dataset text8 = Text8Dataset.builder().optDataDir(root).optSource(DataSource.OFFICIAL)
                .optUsage(Dataset.Usage.TRAIN).optManager(manager).optSequenceLength(2).setSampling(2, false).build();
        text8.prepare();
        assertOfficial(text8.provenance());
    }

    private static void assertOfficial(DataProvenance provenance) {
        assertEquals(DataKind.OFFICIAL, provenance.kind(), provenance.toString());
    }

    private void fetchAll(Path root) throws IOException {
        try (LocalMirror mirror = new LocalMirror()) {
            Map<String, Map<String, byte[]>> fixtures = OfficialFixtures.all();
            Path checksums = work.resolve("checksums.tsv");
            Files.writeString(checksums, OfficialFixtures.pins(fixtures));
            Map<String, String> settings = new HashMap<>();
            settings.put(SourceOverrides.CHECKSUMS, checksums.toString());
            fixtures.forEach((task, files) -> {
                files.forEach((name, bytes) -> mirror.serve("/" + task + "/" + name, bytes));
                settings.put(SourceOverrides.MIRRORS + task, mirror.base(task));
            });
            settings.forEach(System::setProperty);
            try {
                OfficialFetcher fetcher = new OfficialFetcher(root, SourceOverrides.fromEnvironment(),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
                for (OfficialDataset dataset : OfficialSources.all()) {
                    fetcher.fetch(dataset);
                }
            } finally {
                settings.keySet().forEach(System::clearProperty);
            }
        }
    }
}
