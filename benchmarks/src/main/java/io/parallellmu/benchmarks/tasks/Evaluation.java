package io.parallellmu.benchmarks.tasks;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.TranslateException;
import io.parallellmu.metrics.Metric;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Runs a model over a split in inference mode and accumulates a metric. */
public final class Evaluation {

    private Evaluation() {}

    /**
     * Evaluates a metric over every batch of a split.
     *
     * @param model the trained model
     * @param split the split
     * @param metric a fresh metric
     * @return the metric's value
     */
    public static double over(Model model, Dataset split, Metric metric) {
        ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
        try {
            for (Batch batch : split.getData(model.getNDManager())) {
                try (batch) {
                    NDList predictions = model.getBlock().forward(parameters, batch.getData(), false);
                    metric.update(batch.getLabels(), predictions);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TranslateException e) {
            throw new IllegalStateException("evaluation failed: " + e.getMessage(), e);
        }
        return metric.value();
    }
}
