package io.parallellmu.benchmarks.tasks;

import io.parallellmu.vocabulary.TaskId;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The task definitions, one per {@link TaskId}, as registered with {@code @AutoService(BenchmarkTask.class)}; kept
 * by id, so that whatever lists them lists them in {@link TaskId} order, not in the order they were found.
 */
public final class Tasks {

    private static final Map<TaskId, BenchmarkTask> ALL = registered();

    private Tasks() {}

    /**
     * Returns a task's definition.
     *
     * @param id the task
     * @return its definition
     * @throws IllegalStateException when no definition is registered for the task
     */
    public static BenchmarkTask of(TaskId id) {
        BenchmarkTask task = ALL.get(id);
        if (task == null) {
            throw new IllegalStateException("no task definition is registered for " + id.id()
                    + ": annotate its BenchmarkTask with @AutoService(BenchmarkTask.class)");
        }
        return task;
    }

    private static Map<TaskId, BenchmarkTask> registered() {
        Map<TaskId, BenchmarkTask> tasks = new EnumMap<>(TaskId.class);
        for (BenchmarkTask task : ServiceLoader.load(BenchmarkTask.class)) {
            BenchmarkTask other = tasks.put(task.id(), task);
            if (other != null) {
                throw new IllegalStateException(task.id().id() + " is defined twice, by "
                        + other.getClass().getName() + " and " + task.getClass().getName());
            }
        }
        return tasks;
    }
}
