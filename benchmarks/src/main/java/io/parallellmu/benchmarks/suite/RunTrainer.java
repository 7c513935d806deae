package io.parallellmu.benchmarks.suite;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.translate.TranslateException;
import io.parallellmu.benchmarks.tasks.BenchmarkTask;
import io.parallellmu.benchmarks.tasks.TaskData;
import io.parallellmu.benchmarks.tasks.TaskSettings;
import io.parallellmu.benchmarks.tasks.TestScore;
import io.parallellmu.datasets.DataProvenance;
import io.parallellmu.datasets.fetch.Checksums;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.models.TaskModels;
import io.parallellmu.reports.schema.MetricDirection;
import io.parallellmu.reports.schema.RunEnvironment;
import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.reports.schema.SplitSizes;
import io.parallellmu.train.Checkpoints;
import io.parallellmu.train.Optimisation;
import io.parallellmu.train.TrainingLoop;
import io.parallellmu.train.TrainingResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Trains and tests one (task, family, config, seed) run: Adam as the config's {@link Optimisation} says, the best
 * validation epoch's parameters restored from the loop's checkpoint, then the test metric.
 *
 * <p>Every run checkpoints at each epoch's end (atomically, see {@link Checkpoints}) in a directory named by its
 * key and a hash of its config name, and resumes from there when an earlier process was killed during the run;
 * the resumed run ends bit-identical to an uninterrupted one. A finished run deletes its checkpoints unless told to
 * keep them.
 */
final class RunTrainer {

    private final Device device;
    private final RunEnvironment environment;
    private final Path scratch;
    private final ModelSaver saver;
    private final TrainedModelListener listener;
    private final boolean keepCheckpoints;

    /**
     * Creates the trainer.
     *
     * @param device the device to train on
     * @param environment the environment every result records
     * @param scratch a directory for the runs' checkpoints
     * @param saver where trained models go, or {@code null} not to save them
     * @param listener sees each trained model before it is closed
     * @param keepCheckpoints whether a finished run keeps its checkpoints
     */
    RunTrainer(Device device, RunEnvironment environment, Path scratch, ModelSaver saver,
            TrainedModelListener listener, boolean keepCheckpoints) {
        this.device = device;
        this.environment = environment;
        this.scratch = scratch;
        this.saver = saver;
        this.listener = listener;
        this.keepCheckpoints = keepCheckpoints;
    }

    RunOutcome run(BenchmarkTask task, TaskData data, RunConfig config, RunKey key)
            throws IOException, TranslateException, MalformedModelException {
        TaskSettings settings = config.settings();
        ModelConfig modelConfig = task.model(config.family(), config.embeddingSize(), config.headHiddenSize(), data);
        Path checkpoints = checkpointDirectory(config, key);
        try (Model model = Model.newInstance(key.task().id() + "-" + key.model().id(), device)) {
            model.setBlock(TaskModels.create(modelConfig));
            int steps = settings.epochs() * (int) Math.ceil(data.train().size() / (double) settings.batchSize());
            TrainingResult trained = TrainingLoop.builder()
                    .setEpochs(settings.epochs())
                    .optSeed(key.seed())
                    .optOptimisation(config.optimisation(), settings.learningRate(), steps)
                    .optValidationMetric(task.validationMetric())
                    .optCheckpoints(checkpoints, 0)
                    .optResume(true)
                    .optConfig(new CheckpointedConfig(config.name(), modelConfig))
                    .build()
                    .fit(model, task.loss(), data.train(), data.validation(),
                            TaskModels.inputShapes(data.spec(), settings.batchSize(), data.inputLength()));
            long trainedAt = System.nanoTime();
            CurveRecorder curves = new CurveRecorder(key);
            trained.history().forEach(m -> curves.onEpochMetric(m.epoch(), m.split(), m.metric(), m.value()));
            Checkpoints.loadParameters(checkpoints, Checkpoints.BEST, model.getBlock(), model.getNDManager());
            TestScore score = data.score(model);
            // training over every session of the run (a resumed run's earlier ones included), then the test
            double seconds = trained.trainingSeconds() + (System.nanoTime() - trainedAt) / 1e9;
            RunResult result = RunResult.builder()
                    .setKey(key)
                    .setParameters(TaskModels.countParameters(model.getBlock()))
                    .setData(data.provenance().kind(), data.provenance().sourceName(), checksum(data.provenance()),
                            new SplitSizes(data.splitSizes()))
                    .setMetric(score.metric(), score.value(),
                            score.higherIsBetter() ? MetricDirection.HIGHER : MetricDirection.LOWER)
                    .setTraining(seconds, trained.stepsPerSecond(), trained.epochsCompleted(), trained.bestEpoch())
                    .setEnvironment(environment)
                    .build();
            if (saver != null) {
                saver.save(model, modelConfig, data, result, config.profile());
            }
            listener.trained(key, model, data);
            if (!keepCheckpoints) {
                deleteRecursively(checkpoints);
            }
            return new RunOutcome(result, curves.points());
        }
    }

    /**
     * Returns the epochs an interrupted earlier attempt at this run completed, if it left a checkpoint to resume from.
     *
     * @param config the run's config
     * @param key the run's key
     * @return the completed epochs of its latest checkpoint, or empty when the run starts afresh
     * @throws IOException if the checkpoint's state cannot be read
     */
    OptionalInt resumesAfter(RunConfig config, RunKey key) throws IOException {
        Path directory = checkpointDirectory(config, key);
        return Checkpoints.exists(directory, Checkpoints.LATEST)
                ? OptionalInt.of(Checkpoints.readState(directory, Checkpoints.LATEST).epoch()) : OptionalInt.empty();
    }

    /**
     * Returns a run's checkpoint directory: its key and the first 12 hex digits of its config name's SHA-256, so that
     * a changed profile never resumes from another config's checkpoint.
     *
     * @param config the run's config
     * @param key the run's key
     * @return the directory under the scratch directory
     */
    Path checkpointDirectory(RunConfig config, RunKey key) {
        String hash = Checksums.sha256(config.name().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        return scratch.resolve(key.task().id() + "-" + key.model().id() + "-seed" + key.seed() + "-" + hash);
    }

    /** What a checkpoint records as its config, and a resume checks: the run's config name and its model. */
    private record CheckpointedConfig(String run, ModelConfig model) {}

    private static String checksum(DataProvenance provenance) {
        String checksum = provenance.checksum();
        return checksum.matches("[0-9a-f]{64}") ? "sha256:" + checksum : checksum;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
