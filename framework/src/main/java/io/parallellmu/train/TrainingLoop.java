package io.parallellmu.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
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
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * A training loop on DJL's {@link Trainer} for long, trustworthy runs.
 *
 * <p>On top of DJL it adds: the project's one training configuration ({@link TrainingSetup}: Adam with a
 * DJL-tracker schedule, global-norm gradient clipping); early stopping on a validation metric; checkpoints every N
 * steps, at each epoch end and at the best validation score ({@link Checkpoints}); resume from the latest checkpoint
 * that repeats the uninterrupted run; NaN/Inf detection naming the step ({@link NonFiniteLossException}); a DJL
 * {@link ProgressBar} with loss, metric, steps/s and ETA; and per-epoch metrics for {@link EpochMetricsListener}s.
 * The loop itself only steps and validates; progress, curves, early stopping and checkpoints are small composable
 * parts ({@link LoopListener}s, in the style of DJL's {@code TrainingListener}) that it tells of each step and epoch.
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
    private final EarlyStopping earlyStopping;
    private final CheckpointWriter checkpoints;
    private final boolean resume;
    private final int maxSteps;
    private final boolean progressBar;
    private final EpochCurves curves;

    private TrainingLoop(Builder builder) {
        epochs = builder.epochs;
        seed = builder.seed;
        learningRate = builder.learningRate;
        clipNorm = builder.clipNorm;
        validationMetric = builder.validationMetric;
        earlyStopping = new EarlyStopping(
                builder.patience, validationMetric != null && validationMetric.get().higherIsBetter());
        checkpoints = builder.checkpointDirectory == null ? null : new CheckpointWriter(builder.checkpointDirectory,
                builder.checkpointEvery, seed, Checkpoints.configJson(builder.config));
        resume = builder.resume;
        maxSteps = builder.maxSteps;
        progressBar = builder.progressBar;
        curves = new EpochCurves(builder.listeners);
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
        String metricName = validationMetric == null ? "loss" : validationMetric.get().name();
        try (TrainingSession session = new TrainingSetup(loss, learningRate, clipNorm).open(model)) {
            Engine.getInstance().setRandomSeed((int) seed);
            RunState state = RunState.fresh(metricName);
            if (resume && checkpoints != null) {
                state = checkpoints.resume(model, session.optimizer(), inputShapes).orElse(state);
            }
            session.initialize(inputShapes);
            return new Run(new RunContext(session, state, epochs)).execute(train, validation);
        }
    }

    /**
     * The loop's parts in the order they hear of each event: the best value is recorded before the checkpoints that
     * follow it are written.
     */
    private List<LoopListener> parts() {
        List<LoopListener> parts = new ArrayList<>();
        if (progressBar) {
            parts.add(new EpochProgress());
        }
        parts.add(curves);
        parts.add(earlyStopping);
        if (checkpoints != null) {
            parts.add(checkpoints);
        }
        return parts;
    }

    /** One call to {@link #fit}: the run it works on and its parts. */
    private final class Run {
        private final RunContext run;
        private final RunState state;
        private final List<LoopListener> parts = parts();

        private Run(RunContext run) {
            this.run = run;
            this.state = run.state;
        }

        private TrainingResult execute(Dataset train, Dataset validation) throws IOException, TranslateException {
            while (state.epoch < epochs && !earlyStopping.stops(state) && !reachedStepLimit()) {
                try {
                    trainEpoch(train);
                } catch (NonFiniteLossException e) {
                    throw e.inEpoch(state.epoch + 1);
                }
                if (reachedStepLimit() && state.batchesDoneInEpoch > 0) {
                    break;
                }
                endEpoch(validation);
            }
            return new TrainingResult(state.step, state.epoch, state.metricName,
                    state.bestValue == null ? Double.NaN : state.bestValue, state.bestEpoch, earlyStopping.stops(state),
                    reachedStepLimit(), run.trainingSeconds(), run.stepsPerSecond(), List.copyOf(state.history));
        }

        private boolean reachedStepLimit() {
            return maxSteps > 0 && state.step >= maxSteps;
        }

        private void trainEpoch(Dataset train) throws IOException, TranslateException {
            Engine.getInstance().setRandomSeed(Seeds.derive(seed, Seeds.EPOCH_STREAM, state.epoch));
            Iterator<Batch> batches = run.session.trainer().iterateDataset(train).iterator();
            for (int skipped = 0; skipped < state.batchesDoneInEpoch && batches.hasNext(); skipped++) {
                batches.next().close(); // trained on before the checkpoint this run resumed from
            }
            Metric trainMetric = validationMetric == null ? null : validationMetric.get();
            for (LoopListener part : parts) {
                part.onEpochStart(run);
            }
            while (batches.hasNext() && !reachedStepLimit()) {
                try (Batch batch = batches.next()) {
                    Engine.getInstance().setRandomSeed(Seeds.derive(seed, Seeds.STEP_STREAM, state.step));
                    float lossValue = run.session.step(batch.getData(), batch.getLabels(), trainMetric)
                            .requireFinite(state.step + 1)
                            .loss();
                    state.step++;
                    state.batchesDoneInEpoch++;
                    state.epochLossSum += lossValue;
                    for (LoopListener part : parts) {
                        part.onStep(run, batch, lossValue, trainMetric);
                    }
                }
            }
        }

        private void endEpoch(Dataset validation) throws IOException, TranslateException {
            int epoch = state.epoch + 1;
            double trainLoss = state.epochLossSum / Math.max(1, state.batchesDoneInEpoch);
            double stepsPerSecond = run.stepsPerSecond();
            EpochScores scores = new EpochScores(epoch, trainLoss, stepsPerSecond,
                    validation == null ? null : validate(validation, epoch));
            state.finishEpoch();
            for (LoopListener part : parts) {
                part.onEpochEnd(run, scores);
            }
        }

        private EpochScores.Validation validate(Dataset validation, int epoch) throws IOException, TranslateException {
            Engine.getInstance().setRandomSeed(Seeds.derive(seed, Seeds.VALIDATION_STREAM, epoch));
            Metric metric = validationMetric == null ? null : validationMetric.get();
            double lossSum = 0;
            long examples = 0;
            Trainer trainer = run.session.trainer();
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
            return new EpochScores.Validation(
                    lossSum / examples, metric == null ? OptionalDouble.empty() : OptionalDouble.of(metric.value()));
        }
    }

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
         * Sets the learning-rate schedule and the clipping of an {@link Optimisation}, in place of
         * {@link #optLearningRate} and {@link #optClipNorm}.
         *
         * @param optimisation the schedule's shape and the clipping
         * @param peakLearningRate the schedule's peak, positive
         * @param steps the optimizer steps the run will take, at least 1
         * @return this builder
         */
        public Builder optOptimisation(Optimisation optimisation, float peakLearningRate, int steps) {
            this.learningRate = optimisation.learningRate(peakLearningRate, steps);
            this.clipNorm = optimisation.clipNorm();
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
