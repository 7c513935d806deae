package io.parallellmu.datasets.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parallellmu.datasets.fetch.StandInSource;
import io.parallellmu.datasets.fetch.StandInSources;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TextStandInsTest {

    @Test
    void everyTextStandInIsRegisteredForItsTask() {
        Map<String, String> tasks = new TreeMap<>();
        for (StandInSource source : StandInSources.all()) {
            tasks.put(source.name(), source.task());
        }
        Map<String, String> expected =
                Map.of(
                        "spam-assassin", "imdb",
                        "qqp-synthetic", "qqp",
                        "snli-synthetic", "snli",
                        "gettext-en-vi", "iwslt15-en-vi",
                        "fortunes-text8", "text8");
        expected.forEach((name, task) -> assertEquals(task, tasks.get(name), name));
        assertEquals("fortunes-text8", StandInSources.byName("fortunes-text8").name());
    }
}
