package io.parallellmu.reports.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything a report is made from: the rows of one or more output directories.
 *
 * @param results the finished runs
 * @param curves the learning-curve points
 * @param speed the speed-study rows
 * @param skipped the skipped tasks
 * @param provenance how the runs were made, when recorded
 * @param failed the runs that started but did not finish
 */
public record ReportInputs(
        List<RunResult> results,
        List<LearningCurvePoint> curves,
        List<SpeedResult> speed,
        List<SkippedTask> skipped,
        Optional<Provenance> provenance,
        List<FailedRun> failed) {

    /**
     * Copies the lists.
     *
     * @param results the finished runs
     * @param curves the learning-curve points
     * @param speed the speed-study rows
     * @param skipped the skipped tasks
     * @param provenance how the runs were made, when recorded
     * @param failed the runs that started but did not finish
     * @throws IllegalArgumentException when a list or the optional is null
     */
    public ReportInputs {
        results = List.copyOf(Checks.present(results, "results"));
        curves = List.copyOf(Checks.present(curves, "curves"));
        speed = List.copyOf(Checks.present(speed, "speed"));
        skipped = List.copyOf(Checks.present(skipped, "skipped"));
        Checks.present(provenance, "provenance");
        failed = List.copyOf(Checks.present(failed, "failed"));
    }

    /**
     * Creates inputs without failed runs.
     *
     * @param results the finished runs
     * @param curves the learning-curve points
     * @param speed the speed-study rows
     * @param skipped the skipped tasks
     * @param provenance how the runs were made, when recorded
     */
    public ReportInputs(List<RunResult> results, List<LearningCurvePoint> curves,
            List<SpeedResult> speed, List<SkippedTask> skipped, Optional<Provenance> provenance) {
        this(results, curves, speed, skipped, provenance, List.of());
    }

    /**
     * Combines the inputs of several directories. A row whose key appears in a later part
     * replaces the earlier one, as an append would, so no run is counted twice; the provenance
     * is the last one present.
     *
     * @param parts the inputs, oldest first
     * @return the combined inputs
     */
    public static ReportInputs merge(List<ReportInputs> parts) {
        Optional<Provenance> provenance = Optional.empty();
        for (ReportInputs part : parts) {
            if (part.provenance().isPresent()) {
                provenance = part.provenance();
            }
        }
        return new ReportInputs(
                lastWins(parts, ReportInputs::results, RunResult::key),
                lastWins(parts, ReportInputs::curves, LearningCurvePoint::key),
                lastWins(parts, ReportInputs::speed, SpeedResult::key),
                lastWins(parts, ReportInputs::skipped, SkippedTask::task),
                provenance,
                lastWins(parts, ReportInputs::failed, FailedRun::key));
    }

    private static <T, K> List<T> lastWins(List<ReportInputs> parts,
            Function<ReportInputs, List<T>> rows, Function<T, K> key) {
        Map<K, T> byKey = new LinkedHashMap<>();
        for (ReportInputs part : parts) {
            for (T row : rows.apply(part)) {
                byKey.remove(key.apply(row));
                byKey.put(key.apply(row), row);
            }
        }
        return new ArrayList<>(byKey.values());
    }
}
