package io.parallellmu.train;

import ai.djl.training.dataset.Batch;
import io.parallellmu.metrics.Metric;
import java.io.IOException;

/**
 * A composable part of the {@link TrainingLoop}, in the style of DJL's {@code TrainingListener}: progress, curves,
 * early stopping and checkpoints each react to the loop's events, told in the order the loop holds them.
 */
interface LoopListener {

    /**
     * Called before an epoch's first step (also a resumed, partly trained epoch's).
     *
     * @param run the run
     */
    default void onEpochStart(RunContext run) {}

    /**
     * Called after each optimizer step, while the batch is still open.
     *
     * @param run the run, its step and batch counts already advanced
     * @param batch the batch just trained on
     * @param loss its loss
     * @param trainMetric the epoch's running training metric, or {@code null}
     * @throws IOException if a checkpoint cannot be written
     */
    default void onStep(RunContext run, Batch batch, float loss, Metric trainMetric) throws IOException {}

    /**
     * Called after each full epoch, once the run's state has moved on to the next epoch.
     *
     * @param run the run
     * @param scores the epoch's scores
     * @throws IOException if a checkpoint cannot be written
     */
    default void onEpochEnd(RunContext run, EpochScores scores) throws IOException {}
}
