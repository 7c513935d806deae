package io.parallellmu.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parallellmu.benchmarks.tasks.Tasks;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the config name of every run of every profile. A config name is part of a run's resume key, so a change to one
 * (a renamed record component, a reordered field) would make every results.csv written before it rerun that run.
 * The names are written by {@link RunConfig#name()} from explicitly named settings, not from records' {@code
 * toString}; this test keeps them as they were when the file was recorded (commit 710d77a).
 */
class ConfigNamesPinTest {

    @Test
    void everyProfilesConfigNamesAreTheRecordedOnes() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Profile profile : Profile.values()) {
            for (TaskId task : TaskId.values()) {
                for (ModelFamily family : Tasks.of(task).families()) {
                    lines.add(profile.id() + " " + task.id() + " " + family.id() + " | "
                            + profile.config(task, family).name());
                }
            }
        }
        String recorded;
        try (InputStream in = ConfigNamesPinTest.class.getResourceAsStream("config-names.txt")) {
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(recorded, String.join("\n", lines) + "\n",
                "a config name changed, so results.csv files written before would rerun that run; if the change is"
                        + " meant, raise RunConfig's key version and record the file again");
    }
}
