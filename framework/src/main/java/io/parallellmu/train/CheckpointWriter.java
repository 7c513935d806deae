package io.parallellmu.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.dataset.Batch;
import io.parallellmu.metrics.Metric;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes a run's checkpoints ({@link Checkpoints}): the latest every N steps and at each epoch's end, the best when
 * the epoch just ended is the best so far (as {@link EarlyStopping} recorded, so it must come first); and resumes a
 * run from its latest checkpoint, refusing one written with another seed or configuration.
 */
final class CheckpointWriter implements LoopListener {

    private final Path directory;
    private final int everySteps;
    private final long seed;
    private final String configJson;

    /**
     * Creates the part.
     *
     * @param directory the run's checkpoint directory
     * @param everySteps N, or 0 for epoch ends only
     * @param seed the run's seed, recorded and checked on resume
     * @param configJson the run's configuration, recorded and checked on resume
     */
    CheckpointWriter(Path directory, int everySteps, long seed, String configJson) {
        this.directory = directory;
        this.everySteps = everySteps;
        this.seed = seed;
        this.configJson = configJson;
    }

    /**
     * Restores the model's parameters and the optimizer's moments from the latest checkpoint, if there is one.
     *
     * @param model the model, its block not initialised yet
     * @param optimizer the run's fresh optimizer
     * @param inputShapes the model's input shapes, for initialisation
     * @return the state to continue from, or empty when the run starts afresh
     * @throws IOException if the checkpoint cannot be read
     * @throws MalformedModelException if it does not fit the model
     * @throws IllegalStateException if it was written with another seed or configuration
     */
    Optional<RunState> resume(Model model, CheckpointableAdam optimizer, Shape... inputShapes)
            throws IOException, MalformedModelException {
        if (!Checkpoints.exists(directory, Checkpoints.LATEST)) {
            return Optional.empty();
        }
        CheckpointState saved = Checkpoints.readState(directory, Checkpoints.LATEST);
        Path where = directory.resolve(Checkpoints.LATEST);
        if (saved.seed() != seed) {
            throw new IllegalStateException(where + " was written with seed " + saved.seed() + ", this run has " + seed);
        }
        if (!saved.config().equals(configJson)) {
            throw new IllegalStateException(
                    where + " was written for another configuration:\n" + saved.config() + "\nthis run has:\n" + configJson);
        }
        model.getBlock().initialize(model.getNDManager(), model.getDataType(), inputShapes);
        Checkpoints.loadParameters(directory, Checkpoints.LATEST, model.getBlock(), model.getNDManager());
        Checkpoints.loadOptimizer(directory, Checkpoints.LATEST, saved, optimizer, model.getBlock(), model.getNDManager());
        return Optional.of(RunState.from(saved));
    }

    /** {@inheritDoc} */
    @Override
    public void onStep(RunContext run, Batch batch, float loss, Metric trainMetric) throws IOException {
        if (everySteps > 0 && run.state.step % everySteps == 0) {
            save(run, Checkpoints.LATEST);
        }
    }

    /** {@inheritDoc} */
    @Override
    public void onEpochEnd(RunContext run, EpochScores scores) throws IOException {
        if (run.state.bestEpoch == scores.epoch()) {
            save(run, Checkpoints.BEST);
        }
        save(run, Checkpoints.LATEST);
    }

    private void save(RunContext run, String name) throws IOException {
        Block block = run.session.model().getBlock();
        CheckpointableAdam optimizer = run.session.optimizer();
        Checkpoints.save(directory, name, block, optimizer, run.state.toCheckpoint(seed, configJson,
                Checkpoints.parameterPaths(optimizer, block), optimizer.updateCounts(), run.trainingSeconds()));
    }
}
