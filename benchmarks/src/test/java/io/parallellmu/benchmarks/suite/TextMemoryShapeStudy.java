package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.Split;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.parallellmu.benchmarks.tasks.BenchmarkTask;
import io.parallellmu.benchmarks.tasks.DataRequest;
import io.parallellmu.benchmarks.tasks.TaskData;
import io.parallellmu.benchmarks.tasks.TaskSettings;
import io.parallellmu.benchmarks.tasks.Tasks;
import io.parallellmu.datasets.DataDirectory;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.models.DefaultConfigs;
import io.parallellmu.models.LmuConfig;
import io.parallellmu.nn.Nonlinearity;
import io.parallellmu.reports.schema.LearningCurvePoint;
import io.parallellmu.reports.schema.RunKey;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The measurement behind the text LMUs' memory shape ({@link DefaultConfigs#textEncoder}): one-layer LMUs of the
 * default width (128-wide embeddings, hidden 128, 256 memory dimensions in all) with the memory split into
 * channels × order as 1 × 256, 8 × 32, 16 × 16, 32 × 8 and 64 × 4, trained on subsampled IMDB, SNLI and text8 stand-ins
 * and compared on their best VALIDATION metric (test data plays no part). Run with
 * {@code mvn -B -q -o -pl benchmarks -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.parallellmu.benchmarks.suite.TextMemoryShapeStudy}.
 */
public final class TextMemoryShapeStudy {

    private static final int[][] SHAPES = {{1, 256}, {8, 32}, {16, 16}, {32, 8}, {64, 4}};

    private TextMemoryShapeStudy() {}

    /**
     * Runs the study and prints one line per shape.
     *
     * @param args ignored
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        study(TaskId.IMDB, TaskSettings.limits(2000, 400, 50).length(128).vocabulary(8000)
                .batchSize(50).epochs(6).learningRate(0.005f));
        study(TaskId.SNLI, TaskSettings.limits(6000, 400, 50).length(20).vocabulary(4000)
                .batchSize(100).epochs(10).learningRate(0.005f));
        study(TaskId.TEXT8, TaskSettings.limits(6000, 400, 50).length(128).vocabulary(27)
                .batchSize(50).epochs(4).learningRate(0.005f));
    }

    private static void study(TaskId id, TaskSettings settings) throws Exception {
        BenchmarkTask task = Tasks.of(id);
        Path scratch = Files.createTempDirectory("shape-study");
        RunTrainer trainer = new RunTrainer(Device.cpu(), EnvironmentProbe.environment(Device.cpu()), scratch, null,
                TrainedModelListener.NONE, false);
        try (NDManager manager = NDManager.newBaseManager()) {
            TaskData data = task.load(new DataRequest(DataDirectory.root(), DataSource.AUTO, settings, manager,
                    System.out));
            for (int[] shape : SHAPES) {
                LmuConfig lmu = new LmuConfig(shape[1], settings.length(), 128, shape[0], 1, 0.2f, Nonlinearity.TANH);
                RunConfig config = new RunConfig("study", settings, lmu, DefaultConfigs.TEXT_EMBEDDING,
                        DefaultConfigs.TEXT_HEAD_HIDDEN);
                RunKey key = new RunKey(id, ModelFamily.LMU, config.name(), 0);
                RunOutcome outcome = trainer.run(task, data, config, key);
                double best = outcome.curves().stream().filter(p -> p.split() == Split.VALIDATION
                        && !p.metric().equals("loss")).mapToDouble(LearningCurvePoint::value)
                        .reduce(id == TaskId.TEXT8 ? Double.MAX_VALUE : -1, id == TaskId.TEXT8 ? Math::min : Math::max);
                System.out.printf("STUDY %s channels=%d order=%d params=%d best-validation=%.4f train=%.0fs%n", id.id(),
                        shape[0], shape[1], outcome.result().parameters(), best, outcome.result().trainSeconds());
            }
        }
    }
}
