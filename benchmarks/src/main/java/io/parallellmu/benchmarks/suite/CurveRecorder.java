package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.Split;
import io.parallellmu.reports.schema.LearningCurvePoint;
import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.train.EpochMetricsListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a run's learning curves from the training loop: the training loss and the validation loss and metric
 * per epoch (steps per second is a speed, not a learning curve, and is left out).
 */
final class CurveRecorder implements EpochMetricsListener {

    private final RunKey run;
    private final List<LearningCurvePoint> points = new ArrayList<>();

    CurveRecorder(RunKey run) {
        this.run = run;
    }

    /** {@inheritDoc} */
    @Override
    public void onEpochMetric(int epoch, Split split, String metric, double value) {
        if (!metric.equals("steps_per_second") && !Double.isInfinite(value)) {
            points.add(LearningCurvePoint.of(run, epoch, split, metric, value));
        }
    }

    List<LearningCurvePoint> points() {
        return List.copyOf(points);
    }
}
