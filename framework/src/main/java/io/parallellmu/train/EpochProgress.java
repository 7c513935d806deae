package io.parallellmu.train;

import ai.djl.training.dataset.Batch;
import ai.djl.training.util.ProgressBar;
import io.parallellmu.metrics.Metric;
import java.time.Duration;

/** DJL's console progress bar, one per epoch, trailed by loss, running metric, steps per second and ETA. */
final class EpochProgress implements LoopListener {

    private ProgressBar bar;

    /** {@inheritDoc} */
    @Override
    public void onEpochStart(RunContext run) {
        bar = null; // made at the first step, which knows the epoch's size
    }

    /** {@inheritDoc} */
    @Override
    public void onStep(RunContext run, Batch batch, float loss, Metric metric) {
        RunState state = run.state;
        int epoch = state.epoch + 1;
        if (bar == null) {
            bar = new ProgressBar("Epoch " + epoch + "/" + run.epochs, batch.getProgressTotal());
        }
        double stepsPerSecond = run.stepsPerSecond();
        long stepsPerEpoch = (batch.getProgressTotal() + batch.getSize() - 1) / batch.getSize();
        long remaining = (run.epochs - epoch) * stepsPerEpoch + Math.max(0, stepsPerEpoch - state.batchesDoneInEpoch);
        Duration eta = Duration.ofSeconds(Math.round(remaining / Math.max(stepsPerSecond, 1e-9)));
        String metricPart = metric == null ? "" : String.format(", %s %.4f", metric.name(), metric.value());
        bar.update(batch.getProgress() - 1, String.format("loss %.4f%s, %.1f steps/s, ETA %d:%02d:%02d",
                loss, metricPart, stepsPerSecond, eta.toHours(), eta.toMinutesPart(), eta.toSecondsPart()));
    }
}
