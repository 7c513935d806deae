package io.parallellmu.reports.schema;

import io.parallellmu.vocabulary.TaskId;
/**
 * A task that could not be run, with why and how to make it runnable; one row of {@code
 * skipped.csv}. A skip is never a result: the report lists it apart and never averages it.
 *
 * @param task the task
 * @param reason why it was skipped, for example "official data missing and --data official"
 * @param howToProvide what the user can do, for example which files to put where
 */
public record SkippedTask(TaskId task, String reason, String howToProvide) {

    /**
     * Validates the skip.
     *
     * @param task the task
     * @param reason why it was skipped, for example "official data missing and --data official"
     * @param howToProvide what the user can do, for example which files to put where
     * @throws IllegalArgumentException when a field is missing or blank
     */
    public SkippedTask {
        Checks.present(task, "task");
        Checks.nonBlank(reason, "reason");
        Checks.nonBlank(howToProvide, "how to provide");
    }
}
