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
import io.parallellmu.models.ModelConfig;
import io.parallellmu.models.TaskModels;
import io.parallellmu.reports.schema.DataKind;
import io.parallellmu.reports.schema.MetricDirection;
import io.parallellmu.reports.schema.RunEnvironment;
import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.reports.schema.SplitSizes;
import io.parallellmu.train.Checkpoints;
import io.parallellmu.train.LearningRates;
import io.parallellmu.train.TrainingLoop;
import io.parallellmu.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Trains and tests one (task, family, config, seed) run: Adam with warm-up and cosine decay, gradients clipped to
 * global norm 1, the best validation epoch's parameters restored from the loop's checkpoint, then the test metric.
 */
final class RunTrainer {

    /** Global gradient-norm clip of every run. */
    static final float CLIP_NORM = 1f;

    private final Device device;
    private final RunEnvironment environment;
    private final Path scratch;
    private final ModelSaver saver;
    private final TrainedModelListener listener;

    /**
     * Creates the trainer.
     *
     * @param device the device to train on
     * @param environment the environment every result records
     * @param scratch a directory for the runs' checkpoints, deleted after each run
     * @param saver where trained models go, or {@code null} not to save them
     * @param listener sees each trained model before it is closed
     */
    RunTrainer(Device device, RunEnvironment environment, Path scratch, ModelSaver saver,
            TrainedModelListener listener) {
        this.device = device;
        this.environment = environment;
        this.scratch = scratch;
        this.saver = saver;
        this.listener = listener;
    }

    RunOutcome run(BenchmarkTask task, TaskData data, RunConfig config, RunKey key)
            throws IOException, TranslateException, MalformedModelException {
        TaskSettings settings = config.settings();
        ModelConfig modelConfig = task.model(config.family(), config.embeddingSize(), config.headHiddenSize(), data);
        Path checkpoints = scratch.resolve(key.task().id() + "-" + key.model().id() + "-seed" + key.seed());
        CurveRecorder curves = new CurveRecorder(key);
        long started = System.nanoTime();
        try (Model model = Model.newInstance(key.task().id() + "-" + key.model().id(), device)) {
            model.setBlock(TaskModels.create(modelConfig));
            int steps = settings.epochs() * (int) Math.ceil(data.train().size() / (double) settings.batchSize());
            TrainingResult trained = TrainingLoop.builder()
                    .setEpochs(settings.epochs())
                    .optSeed(key.seed())
                    .optLearningRate(LearningRates.warmUpCosine(settings.learningRate(), settings.learningRate() / 20,
                            steps / 20, steps))
                    .optClipNorm(CLIP_NORM)
                    .optValidationMetric(task.validationMetric())
                    .optCheckpoints(checkpoints, 0)
                    .optConfig(modelConfig)
                    .addListener(curves)
                    .build()
                    .fit(model, task.loss(), data.train(), data.validation(),
                            TaskModels.inputShapes(data.spec(), settings.batchSize(), data.inputLength()));
            Checkpoints.loadParameters(checkpoints, Checkpoints.BEST, model.getBlock(), model.getNDManager());
            TestScore score = task.evaluate(model, data);
            double seconds = (System.nanoTime() - started) / 1e9;
            RunResult result = RunResult.builder()
                    .setKey(key)
                    .setParameters(TaskModels.countParameters(model.getBlock()))
                    .setData(kind(data.provenance()), data.provenance().sourceName(), checksum(data.provenance()),
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
            return new RunOutcome(result, curves.points());
        } finally {
            deleteRecursively(checkpoints);
        }
    }

    private static DataKind kind(DataProvenance provenance) {
        return DataKind.fromId(provenance.kind().label());
    }

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
