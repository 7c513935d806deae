package io.parallellmu.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.ParameterTracker;

/**
 * The one training configuration that every trainer in the project uses (the {@link TrainingLoop}, and through it
 * the suite's runs and the memory study, and the speed timer): the loss, Adam ({@link CheckpointableAdam}) on a
 * learning-rate schedule, global-norm gradient clipping (the step of a {@link TrainingSession}), and the model's own device. The
 * parameters are initialised by each block's own initialisers (DJL's default for a {@link DefaultTrainingConfig}).
 */
public final class TrainingSetup {

    private final Loss loss;
    private final ParameterTracker learningRate;
    private final float clipNorm;

    /**
     * Creates the setup.
     *
     * @param loss the training loss
     * @param learningRate Adam's schedule, called with each parameter's 1-based update count
     * @param clipNorm the global gradient-norm clip, positive; infinity for none
     */
    public TrainingSetup(Loss loss, ParameterTracker learningRate, float clipNorm) {
        if (!(clipNorm > 0)) {
            throw new IllegalArgumentException("clipNorm must be positive, got " + clipNorm);
        }
        this.loss = loss;
        this.learningRate = learningRate;
        this.clipNorm = clipNorm;
    }

    /**
     * Creates the setup of an {@link Optimisation}.
     *
     * @param loss the training loss
     * @param optimisation the schedule's shape and the clipping
     * @param peakLearningRate the schedule's peak, positive
     * @param steps the optimizer steps the run will take, at least 1
     * @return the setup
     */
    public static TrainingSetup of(Loss loss, Optimisation optimisation, float peakLearningRate, int steps) {
        return new TrainingSetup(loss, optimisation.learningRate(peakLearningRate, steps), optimisation.clipNorm());
    }

    /**
     * Opens a training session for the model on the model's own device, with this setup's loss, a fresh Adam on its
     * schedule, and its clipping.
     *
     * @param model the model to train
     * @return the session, not initialised yet; the caller closes it
     */
    public TrainingSession open(Model model) {
        CheckpointableAdam optimizer = new CheckpointableAdam(learningRate);
        Device device = model.getNDManager().getDevice();
        Trainer trainer = model.newTrainer(
                new DefaultTrainingConfig(loss).optOptimizer(optimizer).optDevices(new Device[] {device}));
        return new TrainingSession(trainer, optimizer, clipNorm);
    }
}
