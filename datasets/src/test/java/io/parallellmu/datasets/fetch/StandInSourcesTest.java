package io.parallellmu.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.datasets.fetch.official.OfficialDataset;
import io.parallellmu.datasets.fetch.official.OfficialSources;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The stand-ins register themselves (@AutoService): every task with official downloads has one, listed by name. */
class StandInSourcesTest {

    @Test
    void everyTaskWithOfficialDownloadsHasARegisteredStandIn() {
        Set<String> covered = StandInSources.all().stream().map(StandInSource::task).collect(Collectors.toSet());
        for (OfficialDataset official : OfficialSources.all()) {
            assertTrue(covered.contains(official.task()), official.task() + " has no registered stand-in");
        }
    }

    @Test
    void standInsAreListedByNameWhateverOrderTheServiceLoaderFindsThem() {
        List<StandInSource> all = StandInSources.all();
        assertEquals(all.stream().sorted(Comparator.comparing(StandInSource::name)).toList(), all);
        assertEquals(all.size(), all.stream().map(StandInSource::name).distinct().count(),
                "a name is registered twice");
    }
}
