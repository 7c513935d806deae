package io.parallellmu.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;
import io.parallellmu.metrics.Metric;
import java.util.List;

/**
 * A model being trained as every trainer in the project trains it (the {@link TrainingLoop}, the suite's probe and
 * the speed timer): a DJL {@link Trainer} of a {@link TrainingSetup}, its optimizer, and the one optimizer step.
 *
 * <p>The step: forward, loss, backward, global-norm clipping ({@link GradientClipping}), then Adam on each
 * trainable parameter; it returns the loss and the gradient norm for the caller's finiteness check. The update is applied to the parameters directly rather than through
 * {@link Trainer#step()}, which would first duplicate every gradient (for multi-device aggregation) and, on its
 * first call, reject a legitimate step whose gradient sums all happen to be 0 (as in a tiny model whose ReLUs are
 * all off for the first batch). The arithmetic is the same: the setup trains on the model's own device, so the
 * trainer's parameters are the block's own arrays.
 */
public final class TrainingSession implements AutoCloseable {

    private final Trainer trainer;
    private final CheckpointableAdam optimizer;
    private final float clipNorm;
    private List<Pair<String, NDArray>> trainable;
    private List<NDArray> trainableArrays;

    TrainingSession(Trainer trainer, CheckpointableAdam optimizer, float clipNorm) {
        this.trainer = trainer;
        this.optimizer = optimizer;
        this.clipNorm = clipNorm;
    }

    /**
     * Returns the DJL trainer, for its loss, its data iteration and its manager.
     *
     * @return the trainer
     */
    public Trainer trainer() {
        return trainer;
    }

    /**
     * Returns the optimizer, whose moments a checkpoint saves.
     *
     * @return the optimizer
     */
    public CheckpointableAdam optimizer() {
        return optimizer;
    }

    /**
     * Returns the model being trained.
     *
     * @return the model
     */
    public Model model() {
        return trainer.getModel();
    }

    /**
     * Initialises the trainer (and the block, unless a checkpoint already did) before the first step.
     *
     * @param inputShapes the model's input shapes
     */
    public void initialize(Shape... inputShapes) {
        trainer.initialize(inputShapes);
        trainable = model().getBlock().getParameters().stream()
                .filter(p -> p.getValue().requiresGradient())
                .map(p -> new Pair<>(p.getValue().getId(), p.getValue().getArray()))
                .toList();
        trainableArrays = trainable.stream().map(Pair::getValue).toList();
    }

    /**
     * Trains on one batch. A non-finite loss or gradient norm does not stop the step (a probe that measures cost
     * goes on); a training run checks the result with {@link StepResult#requireFinite}.
     *
     * @param data the batch's inputs; every temporary of the pass is attached to their manager, which the caller
     *     closes (a {@code Batch}'s, or a sub-manager)
     * @param labels the batch's labels
     * @param trainMetric a running training metric to update, or {@code null}
     * @return the batch's loss and gradient norm
     * @throws IllegalStateException before {@link #initialize}
     */
    public StepResult step(NDList data, NDList labels, Metric trainMetric) {
        if (trainable == null) {
            throw new IllegalStateException("initialize the training session before its first step");
        }
        NDList predictions;
        float loss;
        try (GradientCollector collector = trainer.newGradientCollector()) {
            predictions = trainer.forward(data);
            NDArray lossArray = trainer.getLoss().evaluate(labels, predictions);
            collector.backward(lossArray);
            loss = lossArray.getFloat();
        }
        double norm = GradientClipping.clipGlobalNorm(trainableArrays, clipNorm);
        for (Pair<String, NDArray> parameter : trainable) {
            try (NDArray gradient = parameter.getValue().getGradient()) {
                optimizer.update(parameter.getKey(), parameter.getValue(), gradient); // also zeroes the gradient
            }
        }
        if (trainMetric != null) {
            trainMetric.update(labels, predictions);
        }
        return new StepResult(loss, norm);
    }

    /** Closes the trainer. */
    @Override
    public void close() {
        trainer.close();
    }
}
