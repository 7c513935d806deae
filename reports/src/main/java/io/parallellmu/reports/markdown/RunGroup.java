package io.parallellmu.reports.markdown;

import io.parallellmu.reports.format.MetricFormat;
import io.parallellmu.reports.format.Summary;
import io.parallellmu.reports.format.Units;
import io.parallellmu.reports.schema.RunResult;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs shown together, usually the seeds of one configuration: what the tables average.
 *
 * @param runs at least one run, in {@link #ORDER}
 */
public record RunGroup(List<RunResult> runs) {

    /** The order of runs in every table: task, model, config, data, then seed. */
    public static final Comparator<RunResult> ORDER = Comparator
            .comparing(RunResult::task)
            .thenComparing(RunResult::model)
            .thenComparing(RunResult::config)
            .thenComparing(RunResult::dataKind)
            .thenComparing(RunResult::dataSource)
            .thenComparingLong(RunResult::seed);

    /**
     * Copies and sorts the runs.
     *
     * @param runs at least one run, in {@link #ORDER}
     * @throws IllegalArgumentException when there is no run
     */
    public RunGroup {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a run group needs at least one run");
        }
        runs = runs.stream().sorted(ORDER).toList();
    }

    /**
     * Groups runs by a key, in the order of their first run.
     *
     * @param runs the runs, in any order
     * @param key what the runs of a group share
     * @param <K> the key type
     * @return one group per key
     */
    public static <K> Map<K, RunGroup> by(List<RunResult> runs, Function<RunResult, K> key) {
        Map<K, List<RunResult>> lists = runs.stream().sorted(ORDER).collect(
                Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
        Map<K, RunGroup> groups = new LinkedHashMap<>();
        lists.forEach((k, list) -> groups.put(k, new RunGroup(list)));
        return groups;
    }

    /**
     * Returns the first run, whose task, model, metric and data the group shares.
     *
     * @return the first run in {@link #ORDER}
     */
    public RunResult first() {
        return runs.get(0);
    }

    /**
     * Returns the format of the group's metric.
     *
     * @return the first run's metric format
     */
    public MetricFormat format() {
        return MetricFormat.of(first().metric());
    }

    /**
     * Summarises the metric over the runs.
     *
     * @return its mean and sample standard deviation
     */
    public Summary metric() {
        return Summary.of(runs.stream().map(RunResult::metricValue).toList());
    }

    /**
     * Summarises the training wall time over the runs.
     *
     * @return its mean and sample standard deviation, in seconds
     */
    public Summary trainSeconds() {
        return Summary.of(runs.stream().map(RunResult::trainSeconds).toList());
    }

    /**
     * Shows the metric's mean with the parameter count and the number of seeds.
     *
     * @return for example "97.12 ± 0.31% (166k, n=3)"
     */
    public String metricCell() {
        return format().meanStd(metric()) + " (" + distinct(r -> Units.parameters(r.parameters()))
                + ", n=" + runs.size() + ")";
    }

    /**
     * Lists the distinct values of a field, in run order.
     *
     * @param field the field to show
     * @return the distinct values joined by "/"
     */
    public String distinct(Function<RunResult, String> field) {
        return runs.stream().map(field).distinct().collect(Collectors.joining("/"));
    }

    /**
     * Lists a field of every run, in run order.
     *
     * @param field the field to show
     * @return the values joined by ", "
     */
    public String each(Function<RunResult, String> field) {
        return runs.stream().map(field).collect(Collectors.joining(", "));
    }
}
