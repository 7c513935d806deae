package io.parallellmu.train;

import ai.djl.training.dataset.Batch;
import ai.djl.training.util.ProgressBar;
import io.parallellmu.metrics.Metric;
import java.time.Duration;

/** DJL's console progress bar for one epoch, trailed by loss, running metric, steps per second and ETA. */
final class EpochProgress {

    private final int epoch;
    private final int epochs;
    private final long started;
    private final int startStep;
    private ProgressBar bar;

    EpochProgress(int epoch, int epochs, long started, int startStep) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.started = started;
        this.startStep = startStep;
    }

    void update(Batch batch, RunState state, float loss, Metric metric) {
        if (bar == null) {
            bar = new ProgressBar("Epoch " + epoch + "/" + epochs, batch.getProgressTotal());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double stepsPerSecond = (state.step - startStep) / seconds;
        long stepsPerEpoch = (batch.getProgressTotal() + batch.getSize() - 1) / batch.getSize();
        long remaining = (epochs - epoch) * stepsPerEpoch + Math.max(0, stepsPerEpoch - state.batchesDoneInEpoch);
        Duration eta = Duration.ofSeconds(Math.round(remaining / Math.max(stepsPerSecond, 1e-9)));
        String metricPart = metric == null ? "" : String.format(", %s %.4f", metric.name(), metric.value());
        bar.update(batch.getProgress() - 1, String.format("loss %.4f%s, %.1f steps/s, ETA %d:%02d:%02d",
                loss, metricPart, stepsPerSecond, eta.toHours(), eta.toMinutesPart(), eta.toSecondsPart()));
    }
}
