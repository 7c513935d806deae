package io.parallellmu.benchmarks.tasks;

import io.parallellmu.vocabulary.TaskId;
import java.util.EnumMap;
import java.util.Map;

/** The task definitions, one per {@link TaskId}. */
public final class Tasks {

    private static final Map<TaskId, BenchmarkTask> ALL = all();

    private Tasks() {}

    /**
     * Returns a task's definition.
     *
     * @param id the task
     * @return its definition
     */
    public static BenchmarkTask of(TaskId id) {
        return ALL.get(id);
    }

    private static Map<TaskId, BenchmarkTask> all() {
        Map<TaskId, BenchmarkTask> tasks = new EnumMap<>(TaskId.class);
        for (BenchmarkTask task : new BenchmarkTask[] {new PsMnistTask(), new MackeyGlassTask(), new ImdbTask(),
                new QqpTask(), new SnliTask(), new IwsltTask(), new Text8Task()}) {
            tasks.put(task.id(), task);
        }
        return tasks;
    }
}
