package io.parallellmu.train;

import io.parallellmu.vocabulary.Split;
import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.util.ProgressBar;
import ai.djl.translate.TranslateException;
import io.parallellmu.metrics.Metric;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * A training loop on DJL's {@link Trainer} for long, trustworthy runs.
 *
 * <p>On top of DJL it adds: Adam with a DJL-tracker schedule ({@link LearningRates}); global-norm gradient
 * clipping ({@link GradientClipping}); early stopping on a validation metric; checkpoints every N steps, at each
 * epoch end and at the best validation score ({@link Checkpoints}); resume from the latest checkpoint that repeats
 * the uninterrupted run; NaN/Inf detection naming the step ({@link NonFiniteLossException}); a DJL
 * {@link ProgressBar} with loss, metric, steps/s and ETA; and per-epoch metrics for {@link EpochMetricsListener}s.
 *
 * <p>Determinism: the parameters are initialised right after {@code Engine.setRandomSeed(seed)}; each epoch's
 * shuffle is drawn after a reseed derived from (seed, epoch), and each step runs after a reseed derived from
 * (seed, step). Two runs with the same seed on CPU therefore give the same metrics, and a resumed run needs no RNG
 * state beyond the seed. Memory: each batch and each gradient wrapper is closed after its step, and the model's
 * blocks keep their temporaries in per-forward sub-managers, so native memory does not grow across epochs.
 */
public final class TrainingLoop {

    private final int epochs;
    private final long seed;
    private final ParameterTracker learningRate;
    private final float clipNorm;
    private final Supplier<Metric> validationMetric;
    private final int patience;
    private final Path checkpointDirectory;
    private final int checkpointEvery;
    private final boolean resume;
    private final int maxSteps;
    private final boolean progressBar;
    private final String configJson;
    private final List<EpochMetricsListener> listeners;

    private TrainingLoop(Builder builder) {
        epochs = builder.epochs;
        seed = builder.seed;
        learningRate = builder.learningRate;
        clipNorm = builder.clipNorm;
        validationMetric = builder.validationMetric;
        patience = builder.patience;
        checkpointDirectory = builder.checkpointDirectory;
        checkpointEvery = builder.checkpointEvery;
        resume = builder.resume;
        maxSteps = builder.maxSteps;
        progressBar = builder.progressBar;
        configJson = Checkpoints.configJson(builder.config);
        listeners = List.copyOf(builder.listeners);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains the model's block, initialising it from the seed (or from the latest checkpoint when resuming).
     *
     * @param model the model; its block must not be initialised yet unless resuming replaces its parameters
     * @param loss the training loss, also reported as the validation loss
     * @param train the training data
     * @param validation the validation data, or {@code null} for none (then no early stopping or best checkpoint)
     * @param inputShapes the model's input shapes, for initialisation
     * @return what happened
     * @throws IOException if data loading or checkpointing fails
     * @throws TranslateException if data loading fails
     * @throws MalformedModelException if a checkpoint does not fit the model
     * @throws NonFiniteLossException if the loss or gradient norm becomes NaN or infinite
     */
    public TrainingResult fit(Model model, Loss loss, Dataset train, Dataset validation, Shape... inputShapes)
            throws IOException, TranslateException, MalformedModelException {
        CheckpointableAdam optimizer = new CheckpointableAdam(learningRate);
        Device device = model.getNDManager().getDevice();
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(loss).optOptimizer(optimizer).optDevices(new Device[] {device});
        String metricName = validationMetric == null ? "loss" : validationMetric.get().name();
        try (Trainer trainer = model.newTrainer(config)) {
            Engine.getInstance().setRandomSeed((int) seed);
            RunState state = RunState.fresh(metricName);
            if (resume && checkpointDirectory != null && Checkpoints.exists(checkpointDirectory, Checkpoints.LATEST)) {
                state = restore(model, optimizer, inputShapes);
            }
            trainer.initialize(inputShapes);
            return new Run(trainer, optimizer, state).execute(train, validation);
        }
    }

    private RunState restore(Model model, CheckpointableAdam optimizer, Shape... inputShapes)
            throws IOException, MalformedModelException {
        CheckpointState saved = Checkpoints.readState(checkpointDirectory, Checkpoints.LATEST);
        Path where = checkpointDirectory.resolve(Checkpoints.LATEST);
        if (saved.seed() != seed) {
            throw new IllegalStateException(where + " was written with seed " + saved.seed() + ", this run has " + seed);
        }
        if (!saved.config().equals(configJson)) {
            throw new IllegalStateException(
                    where + " was written for another configuration:\n" + saved.config() + "\nthis run has:\n" + configJson);
        }
        model.getBlock().initialize(model.getNDManager(), model.getDataType(), inputShapes);
        Checkpoints.loadParameters(checkpointDirectory, Checkpoints.LATEST, model.getBlock(), model.getNDManager());
        Checkpoints.loadOptimizer(
                checkpointDirectory, Checkpoints.LATEST, saved, optimizer, model.getBlock(), model.getNDManager());
        return RunState.from(saved);
    }

    /** One call to {@link #fit}: the trainer, optimizer and mutable state it works on. */
    private final class Run {
        private final Trainer trainer;
        private final CheckpointableAdam optimizer;
        private final RunState state;
        private final Stepper stepper;
        private final long started = System.nanoTime();
        private final int startStep;

        private Run(Trainer trainer, CheckpointableAdam optimizer, RunState state) {
            this.trainer = trainer;
            this.optimizer = optimizer;
            this.state = state;
            this.stepper = new Stepper(trainer, GradientClipping.trainableArrays(trainer.getModel().getBlock()), clipNorm);
            this.startStep = state.step;
        }

        private TrainingResult execute(Dataset train, Dataset validation) throws IOException, TranslateException {
            boolean stoppedEarly = false;
            while (state.epoch < epochs && !stoppedEarly && !reachedStepLimit()) {
                try {
                    trainEpoch(train);
                } catch (NonFiniteLossException e) {
                    throw e.inEpoch(state.epoch + 1);
                }
                if (reachedStepLimit() && state.batchesDoneInEpoch > 0) {
                    break;
                }
                stoppedEarly = endEpoch(validation);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new TrainingResult(state.step, state.epoch, state.metricName,
                    state.bestValue == null ? Double.NaN : state.bestValue, state.bestEpoch, stoppedEarly,
                    reachedStepLimit(), state.trainingSecondsBefore + seconds, (state.step - startStep) / seconds,
                    List.copyOf(state.history));
        }

        private boolean reachedStepLimit() {
            return maxSteps > 0 && state.step >= maxSteps;
        }

        private void trainEpoch(Dataset train) throws IOException, TranslateException {
            Engine.getInstance().setRandomSeed(Seeds.derive(seed, Seeds.EPOCH_STREAM, state.epoch));
            Iterator<Batch> batches = trainer.iterateDataset(train).iterator();
            for (int skipped = 0; skipped < state.batchesDoneInEpoch && batches.hasNext(); skipped++) {
                batches.next().close(); // trained on before the checkpoint this run resumed from
            }
            Metric trainMetric = validationMetric == null ? null : validationMetric.get();
            EpochProgress progress = progressBar ? new EpochProgress(state.epoch + 1, epochs, started, startStep) : null;
            while (batches.hasNext() && !reachedStepLimit()) {
                try (Batch batch = batches.next()) {
                    Engine.getInstance().setRandomSeed(Seeds.derive(seed, Seeds.STEP_STREAM, state.step));
                    float lossValue = stepper.step(batch, state.step + 1, trainMetric);
                    state.step++;
                    state.batchesDoneInEpoch++;
                    state.epochLossSum += lossValue;
                    if (progress != null) {
                        progress.update(batch, state, lossValue, trainMetric);
                    }
                }
                if (checkpointEvery > 0 && state.step % checkpointEvery == 0) {
                    checkpoint(Checkpoints.LATEST);
                }
            }
        }

        private boolean endEpoch(Dataset validation) throws IOException, TranslateException {
            int epoch = state.epoch + 1;
            report(epoch, Split.TRAIN, "loss", state.epochLossSum / Math.max(1, state.batchesDoneInEpoch));
            double seconds = (System.nanoTime() - started) / 1e9;
            report(epoch, Split.TRAIN, "steps_per_second", (state.step - startStep) / seconds);
            boolean improved = false;
            if (validation != null) {
                Validation result = validate(validation, epoch);
                report(epoch, Split.VALIDATION, "loss", result.loss);
                if (validationMetric != null) {
                    report(epoch, Split.VALIDATION, state.metricName, result.metric);
                }
                double value = validationMetric == null ? result.loss : result.metric;
                boolean higherIsBetter = validationMetric != null && validationMetric.get().higherIsBetter();
                improved = state.bestValue == null
                        || (higherIsBetter ? value > state.bestValue : value < state.bestValue);
                if (improved) {
                    state.bestValue = value;
                    state.bestEpoch = epoch;
                    state.epochsWithoutImprovement = 0;
                } else {
                    state.epochsWithoutImprovement++;
                }
            }
            state.epoch = epoch;
            state.batchesDoneInEpoch = 0;
            state.epochLossSum = 0;
            if (improved) {
                checkpoint(Checkpoints.BEST);
            }
            checkpoint(Checkpoints.LATEST);
            return patience > 0 && state.epochsWithoutImprovement >= patience;
        }

        private Validation validate(Dataset validation, int epoch) throws IOException, TranslateException {
            Engine.getInstance().setRandomSeed(Seeds.derive(seed, Seeds.VALIDATION_STREAM, epoch));
            Metric metric = validationMetric == null ? null : validationMetric.get();
            double lossSum = 0;
            long examples = 0;
            for (Batch batch : trainer.iterateDataset(validation)) {
                try (batch) {
                    NDList predictions = trainer.evaluate(batch.getData());
                    lossSum += trainer.getLoss().evaluate(batch.getLabels(), predictions).getFloat() * batch.getSize();
                    examples += batch.getSize();
                    if (metric != null) {
                        metric.update(batch.getLabels(), predictions);
                    }
                }
            }
            if (examples == 0) {
                throw new IllegalArgumentException("the validation data set is empty");
            }
            return new Validation(lossSum / examples, metric == null ? Double.NaN : metric.value());
        }

        private void report(int epoch, Split split, String metric, double value) {
            state.history.add(new EpochMetric(epoch, split, metric, value));
            listeners.forEach(l -> l.onEpochMetric(epoch, split, metric, value));
        }

        private void checkpoint(String name) throws IOException {
            if (checkpointDirectory != null) {
                Block block = trainer.getModel().getBlock();
                Checkpoints.save(checkpointDirectory, name, block, optimizer, state.toCheckpoint(
                        seed, configJson, Checkpoints.parameterPaths(optimizer, block), optimizer.updateCounts(),
                        state.trainingSecondsBefore + (System.nanoTime() - started) / 1e9));
            }
        }
    }

    private record Validation(double loss, double metric) {}

    /** Builder for {@link TrainingLoop}. */
    public static final class Builder {
        private int epochs;
        private long seed;
        private ParameterTracker learningRate = Tracker.fixed(1e-3f);
        private float clipNorm = Float.POSITIVE_INFINITY;
        private Supplier<Metric> validationMetric;
        private int patience;
        private Path checkpointDirectory;
        private int checkpointEvery;
        private boolean resume;
        private int maxSteps;
        private boolean progressBar = true;
        private Object config;
        private final List<EpochMetricsListener> listeners = new ArrayList<>();

        private Builder() {}

        /**
         * Sets the number of epochs (required).
         *
         * @param epochs at least 1
         * @return this builder
         */
        public Builder setEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /**
         * Sets the run's seed; default 0.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets Adam's learning-rate schedule, for example {@link LearningRates#warmUpCosine}; default fixed 1e-3.
         *
         * @param learningRate the schedule, called with the 1-based step
         * @return this builder
         */
        public Builder optLearningRate(ParameterTracker learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /**
         * Clips gradients to this global L2 norm; default no clipping.
         *
         * @param clipNorm positive
         * @return this builder
         */
        public Builder optClipNorm(float clipNorm) {
            this.clipNorm = clipNorm;
            return this;
        }

        /**
         * Sets the validation metric for reports, early stopping and the best checkpoint; default the loss.
         *
         * @param metric makes a fresh metric each time one is needed
         * @return this builder
         */
        public Builder optValidationMetric(Supplier<Metric> metric) {
            this.validationMetric = metric;
            return this;
        }

        /**
         * Stops after this many epochs without a better validation value; default 0 (never).
         *
         * @param patience at least 0
         * @return this builder
         */
        public Builder optEarlyStopping(int patience) {
            this.patience = patience;
            return this;
        }

        /**
         * Writes checkpoints under this directory, the latest every N steps and at epoch ends, the best on improvement.
         *
         * @param directory the run's checkpoint directory
         * @param everySteps N, at least 1; 0 for epoch ends only
         * @return this builder
         */
        public Builder optCheckpoints(Path directory, int everySteps) {
            this.checkpointDirectory = directory;
            this.checkpointEvery = everySteps;
            return this;
        }

        /**
         * Resumes from the latest checkpoint when there is one; default off. The checkpoint must have been written
         * with the same seed and configuration.
         *
         * @param resume whether to resume
         * @return this builder
         */
        public Builder optResume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /**
         * Stops after this many optimizer steps in total, mid-epoch if need be and without a checkpoint (as a kill
         * would); default 0 (no limit).
         *
         * @param maxSteps at least 0
         * @return this builder
         */
        public Builder optMaxSteps(int maxSteps) {
            this.maxSteps = maxSteps;
            return this;
        }

        /**
         * Shows DJL's console progress bar; default on.
         *
         * @param progressBar whether to show it
         * @return this builder
         */
        public Builder optProgressBar(boolean progressBar) {
            this.progressBar = progressBar;
            return this;
        }

        /**
         * Records the run's configuration (model and training settings) in checkpoints; resume checks it matches.
         *
         * @param config any Gson-serialisable object, such as a record
         * @return this builder
         */
        public Builder optConfig(Object config) {
            this.config = config;
            return this;
        }

        /**
         * Adds a per-epoch metrics listener.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder addListener(EpochMetricsListener listener) {
            listeners.add(listener);
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the loop
         */
        public TrainingLoop build() {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            }
            if (!(clipNorm > 0)) {
                throw new IllegalArgumentException("clipNorm must be positive, got " + clipNorm);
            }
            if (patience < 0) {
                throw new IllegalArgumentException("early-stopping patience must be at least 0, got " + patience);
            }
            if (checkpointEvery < 0) {
                throw new IllegalArgumentException("checkpoint interval must be at least 0 steps, got " + checkpointEvery);
            }
            if (maxSteps < 0) {
                throw new IllegalArgumentException("maxSteps must be at least 0, got " + maxSteps);
            }
            return new TrainingLoop(this);
        }
    }
}
