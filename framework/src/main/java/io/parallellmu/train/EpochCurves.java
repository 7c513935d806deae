package io.parallellmu.train;

import io.parallellmu.vocabulary.Split;
import java.util.List;

/**
 * Reports each epoch's scores as learning-curve points: into the run's history (which checkpoints keep) and to the
 * {@link EpochMetricsListener}s, in the order {@link EpochMetricsListener} documents.
 */
final class EpochCurves implements LoopListener {

    private final List<EpochMetricsListener> listeners;

    /**
     * Creates the part.
     *
     * @param listeners who else hears of each point
     */
    EpochCurves(List<EpochMetricsListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** {@inheritDoc} */
    @Override
    public void onEpochEnd(RunContext run, EpochScores scores) {
        report(run.state, scores.epoch(), Split.TRAIN, "loss", scores.trainLoss());
        report(run.state, scores.epoch(), Split.TRAIN, "steps_per_second", scores.stepsPerSecond());
        EpochScores.Validation validation = scores.validation();
        if (validation != null) {
            report(run.state, scores.epoch(), Split.VALIDATION, "loss", validation.loss());
            validation.metric().ifPresent(
                    value -> report(run.state, scores.epoch(), Split.VALIDATION, run.state.metricName, value));
        }
    }

    private void report(RunState state, int epoch, Split split, String metric, double value) {
        state.history.add(new EpochMetric(epoch, split, metric, value));
        listeners.forEach(l -> l.onEpochMetric(epoch, split, metric, value));
    }
}
