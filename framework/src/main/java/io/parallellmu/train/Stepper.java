package io.parallellmu.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import io.parallellmu.metrics.Metric;
import java.util.List;

/** One optimizer step: forward, loss, backward, finiteness checks, global-norm clipping, update. */
final class Stepper {

    private final Trainer trainer;
    private final List<NDArray> trainable;
    private final float clipNorm;

    Stepper(Trainer trainer, List<NDArray> trainable, float clipNorm) {
        this.trainer = trainer;
        this.trainable = trainable;
        this.clipNorm = clipNorm;
    }

    /**
     * Trains on one batch.
     *
     * @param batch the batch; its arrays (and so every temporary of the pass) are freed when the caller closes it
     * @param step the 1-based number of this step, for error messages
     * @param trainMetric a running training metric to update, or {@code null}
     * @return the batch's loss
     */
    float step(Batch batch, int step, Metric trainMetric) {
        NDList labels = batch.getLabels();
        NDList predictions;
        float lossValue;
        try (GradientCollector collector = trainer.newGradientCollector()) {
            predictions = trainer.forward(batch.getData());
            NDArray loss = trainer.getLoss().evaluate(labels, predictions);
            collector.backward(loss);
            lossValue = loss.getFloat();
        }
        if (!Float.isFinite(lossValue)) {
            throw new NonFiniteLossException("step " + step + ": the training loss is " + lossValue);
        }
        double norm = GradientClipping.clipGlobalNorm(trainable, clipNorm);
        if (!Double.isFinite(norm)) {
            throw new NonFiniteLossException(
                    "step " + step + ": the gradient norm is " + norm + " (training loss " + lossValue + ")");
        }
        trainer.step();
        if (trainMetric != null) {
            trainMetric.update(labels, predictions);
        }
        return lossValue;
    }
}
