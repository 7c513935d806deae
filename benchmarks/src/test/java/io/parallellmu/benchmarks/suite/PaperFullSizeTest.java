package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.parallellmu.benchmarks.tasks.BenchmarkTask;
import io.parallellmu.benchmarks.tasks.Tasks;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.models.TaskModels;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.models.TransformerConfig;
import io.parallellmu.train.GradientClipping;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every task × family of the {@code paper} profile, built at full size (the profile's widths, depths, sequence
 * length and vocabulary limits), runs one training forward pass, the task's loss and a backward pass, so that a
 * paper run cannot fail on a shape or a missing option after an hour. The batch is 2 records of the run's real
 * shapes (1 where attention at the run's length would need more than 1 GiB of scores per layer): the batch size
 * changes no shape beyond the first axis, and the memory of the full batch is what {@code suite --estimate} and
 * the suite's memory check measure.
 */
class PaperFullSizeTest {

    private static final long ATTENTION_BYTES_PER_LAYER = 1L << 30;

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (TaskId task : TaskId.values()) {
            for (ModelFamily family : Tasks.of(task).families()) {
                runs.add(Arguments.of(task, family));
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void trainsOneFullSizeStep(TaskId task, ModelFamily family) {
        RunConfig run = Profile.PAPER.config(task, family);
        ModelConfig config = FullSize.model(task, run);
        TaskSpec spec = config.task();
        int length = run.settings().length();
        int batch = batchFor(run, length);
        BenchmarkTask definition = Tasks.of(task);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = TaskModels.create(config);
            block.initialize(manager, DataType.FLOAT32, TaskModels.inputShapes(spec, batch, length));
            NDList inputs = FullSize.inputs(manager, spec, batch, length);
            NDList labels = FullSize.labels(manager, spec, batch, length);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList outputs = block.forward(new ParameterStore(manager, false), inputs, true);
                assertEquals(batch, outputs.head().getShape().get(0), "output batch axis");
                NDArray loss = definition.loss().evaluate(labels, outputs);
                assertTrue(Float.isFinite(loss.getFloat()), "finite loss");
                collector.backward(loss);
            }
            List<NDArray> trainable = GradientClipping.trainableArrays(block);
            double norm = GradientClipping.clipGlobalNorm(trainable, Float.POSITIVE_INFINITY);
            assertTrue(Double.isFinite(norm) && norm > 0, "a finite, non-zero gradient reaches the parameters: " + norm);
        }
    }

    private static int batchFor(RunConfig run, int length) {
        if (run.family() instanceof TransformerConfig transformer) {
            long scores = 2L * transformer.heads() * length * length * Float.BYTES;
            return scores > ATTENTION_BYTES_PER_LAYER ? 1 : 2;
        }
        return 2;
    }
}
