package io.parallellmu.benchmarks.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parallellmu.vocabulary.TaskId;
import org.junit.jupiter.api.Test;

class TasksTest {

    @Test
    void everyTaskIsDefinedOnceWithItsOwnDataSetsOfficialLayout() {
        for (TaskId id : TaskId.values()) {
            BenchmarkTask task = Tasks.of(id);
            assertEquals(id, task.id());
            assertEquals(id, task.official().task(), id + "'s official layout is another task's");
        }
    }
}
