package io.parallellmu.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.datasets.fetch.official.OfficialSources;
import io.parallellmu.datasets.imdb.ImdbDataset;
import io.parallellmu.datasets.iwslt.IwsltDataset;
import io.parallellmu.datasets.mackeyglass.MackeyGlass;
import io.parallellmu.datasets.mnist.PermutedMnist;
import io.parallellmu.datasets.qqp.QqpDataset;
import io.parallellmu.datasets.snli.SnliDataset;
import io.parallellmu.datasets.text8.Text8Dataset;
import io.parallellmu.vocabulary.TaskId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each task's data set states its official layout once, and the fetcher's table uses that same statement. */
class OfficialLayoutOfEachTaskTest {

    private static final List<OfficialLayout> LAYOUTS = List.of(PermutedMnist.OFFICIAL, MackeyGlass.OFFICIAL,
            ImdbDataset.OFFICIAL, QqpDataset.OFFICIAL, SnliDataset.OFFICIAL, IwsltDataset.OFFICIAL,
            Text8Dataset.OFFICIAL);

    @TempDir Path root;

    @Test
    void everyTaskHasOneLayout() {
        Set<TaskId> tasks = LAYOUTS.stream().map(OfficialLayout::task).collect(Collectors.toSet());
        assertEquals(Set.of(TaskId.values()), tasks);
        assertEquals(TaskId.values().length, LAYOUTS.size());
    }

    @Test
    void anEmptyFolderMissesEveryRequiredNameAndTheInstructionsNameThemAndTheFolder() {
        for (OfficialLayout layout : LAYOUTS) {
            Path dir = layout.directory(root);
            assertEquals(root.resolve(layout.task().id()), dir);
            assertEquals(layout.required(), layout.missing(dir), layout.task().id());
            String howTo = layout.howToProvide(root);
            if (layout.required().isEmpty()) {
                assertTrue(howTo.startsWith("nothing to provide"), howTo);
                continue;
            }
            assertTrue(howTo.contains(dir.toString()), howTo);
            for (String name : layout.required()) {
                assertTrue(howTo.contains(Path.of(name).getName(0).toString()), name + " in: " + howTo);
            }
        }
    }

    @Test
    void aFolderWithEveryRequiredNameIsComplete() throws IOException {
        for (OfficialLayout layout : LAYOUTS) {
            Path dir = layout.directory(root);
            for (String name : layout.required()) {
                Path path = dir.resolve(name);
                Files.createDirectories(path.getParent());
                if (layout == ImdbDataset.OFFICIAL) {
                    Files.createDirectories(path); // the release's label folders
                } else {
                    Files.writeString(path, "x");
                }
            }
            assertEquals(List.of(), layout.missing(dir), layout.task().id());
        }
    }

    @Test
    void mnistFilesMayBeGzipped() throws IOException {
        Path dir = PermutedMnist.OFFICIAL.directory(root);
        Files.createDirectories(dir);
        List<String> names = PermutedMnist.OFFICIAL.required();
        for (String name : names.subList(1, names.size())) {
            Files.writeString(dir.resolve(name + ".gz"), "x");
        }
        assertEquals(names.subList(0, 1), PermutedMnist.OFFICIAL.missing(dir));
        Files.writeString(dir.resolve(names.get(0)), "x");
        assertEquals(List.of(), PermutedMnist.OFFICIAL.missing(dir));
    }

    @Test
    void theFetchersTableUsesEachDataSetsOwnLayout() {
        for (OfficialLayout layout : LAYOUTS) {
            OfficialSources.forTask(layout.task().id()).ifPresentOrElse(
                    entry -> assertSame(layout, entry.layout(), layout.task().id()),
                    () -> assertTrue(layout.required().isEmpty(), layout.task().id() + " has files but no source"));
        }
        assertEquals(Arrays.stream(TaskId.values()).filter(t -> t != TaskId.MACKEY_GLASS).count(),
                OfficialSources.all().size());
    }
}
