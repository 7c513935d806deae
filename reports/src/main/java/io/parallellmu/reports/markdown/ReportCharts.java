package io.parallellmu.reports.markdown;

import io.parallellmu.vocabulary.TaskId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The charts written for a report, which the Markdown links to.
 *
 * @param learningCurves each task's learning-curve charts
 * @param speed the speed study's chart, when there were speed results
 */
public record ReportCharts(Map<TaskId, List<ChartLink>> learningCurves, Optional<ChartLink> speed) {

    /** No charts at all. */
    public static final ReportCharts NONE = new ReportCharts(Map.of(), Optional.empty());

    /**
     * Copies the map.
     *
     * @param learningCurves each task's learning-curve charts
     * @param speed the speed study's chart, when there were speed results
     * @throws NullPointerException when an argument is null
     */
    public ReportCharts {
        learningCurves = Map.copyOf(learningCurves);
        speed = Objects.requireNonNull(speed, "speed");
    }

    /**
     * Returns one task's learning-curve charts.
     *
     * @param task the task
     * @return its charts; empty when it has no curves
     */
    public List<ChartLink> learningCurves(TaskId task) {
        return learningCurves.getOrDefault(task, List.of());
    }
}
