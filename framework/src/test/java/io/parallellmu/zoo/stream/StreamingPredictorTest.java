package io.parallellmu.zoo.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.parallellmu.models.LmuConfig;
import io.parallellmu.models.LstmConfig;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.models.TaskModels;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.nn.Nonlinearity;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming predictor against the parallel model, in float32. Tolerance 1e-5 absolute (the bound): the
 * two forms compute the same linear memory, the parallel one by FFT, direct convolution or eq. 25's matmul, the
 * streaming one by eq. 19's recurrence, so they differ only by float32 rounding.
 */
class StreamingPredictorTest {

    private static final float TOLERANCE = 1e-5f;

    private static Block initialised(ModelConfig config, NDManager manager, long length) {
        Engine.getInstance().setRandomSeed(3);
        Block block = TaskModels.create(config);
        block.initialize(manager, DataType.FLOAT32, TaskModels.inputShapes(config.task(), 1, length));
        return block;
    }

    private static float[] series(int length, long seed) {
        Random random = new Random(seed);
        float[] x = new float[length];
        for (int t = 0; t < length; t++) {
            x[t] = (float) Math.sin(0.3 * t) + 0.3f * (float) random.nextGaussian();
        }
        return x;
    }

    private static float[] parallel(Block block, NDManager manager, NDArray x) {
        return block.forward(new ParameterStore(manager, false), new NDList(x), false).head().toFloatArray();
    }

    private static void assertClose(float[] expected, float[] actual, String where) {
        assertEquals(expected.length, actual.length, where);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE, where + ", output " + i);
        }
    }

    @Test
    void perStepRegressionMatchesTheParallelModelAtEveryStep() {
        int length = 120;
        ModelConfig config = ModelConfig.of(TaskSpec.sequenceRegression(1, 1, true),
                new LmuConfig(6, 10, 12, 1, 3, 0f, Nonlinearity.TANH));
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = initialised(config, manager, length);
            float[] x = series(length, 1);
            float[] expected = parallel(block, manager, manager.create(x).reshape(1, length, 1)); // (1, L, 1)
            try (StreamingPredictor stream = StreamingPredictor.of(block, manager)) {
                for (int t = 0; t < length; t++) {
                    assertClose(new float[] {expected[t]}, stream.step(x[t]), "step " + t);
                }
                assertEquals(length, stream.steps());
            }
        }
    }

    @Test
    void summaryClassifierMatchesTheParallelModelOnEveryPrefixAndAfterReset() {
        int length = 100;
        ModelConfig config = ModelConfig.of(TaskSpec.sequenceClassification(2, 4),
                new LmuConfig(16, length, 10, 2, 1, 0f, Nonlinearity.RELU));
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = initialised(config, manager, length);
            NDArray x = manager.randomUniform(0f, 1f, new Shape(1, length, 2)); // (1, L, 2)
            float[] values = x.toFloatArray();
            try (StreamingPredictor stream = StreamingPredictor.of(block, manager)) {
                for (int round = 0; round < 2; round++) {
                    for (int t = 1; t <= length; t++) {
                        float[] out = stream.step(values[2 * (t - 1)], values[2 * (t - 1) + 1]);
                        if (t == 1 || t % 33 == 0 || t == length) {
                            float[] expected = parallel(block, manager, x.get(":, :{}, :", t)); // prefix (1, t, 2)
                            assertClose(expected, out, "round " + round + ", prefix " + t);
                        }
                    }
                    stream.reset();
                    assertEquals(0, stream.steps());
                }
            }
        }
    }

    @Test
    void tokenModelStreamsThroughItsEmbedding() {
        int length = 30;
        ModelConfig config = new ModelConfig(TaskSpec.charLanguageModel(12),
                new LmuConfig(8, 16, 10, 1, 2, 0f, Nonlinearity.TANH), 6, 0);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = initialised(config, manager, length);
            long[] tokens = new Random(4).longs(length, 0, 12).toArray();
            float[] expected = parallel(block, manager, manager.create(tokens).reshape(1, length)); // (1, L, V)
            try (StreamingPredictor stream = StreamingPredictor.of(block, manager)) {
                for (int t = 0; t < length; t++) {
                    float[] want = new float[12];
                    System.arraycopy(expected, t * 12, want, 0, 12);
                    assertClose(want, stream.stepToken(tokens[t]), "token step " + t);
                }
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stream.step(1f));
                assertTrue(e.getMessage().contains("stepToken"), e.getMessage());
            }
        }
    }

    @Test
    void pairClassifierStreamsEachTextAndMatchesTheParallelModel() {
        ModelConfig config = new ModelConfig(TaskSpec.pairClassification(20, 3),
                new LmuConfig(8, 12, 10, 1, 2, 0f, Nonlinearity.TANH), 6, 7);
        int[] first = new Random(5).ints(9, 0, 20).toArray();
        int[] second = new Random(6).ints(12, 0, 20).toArray();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = initialised(config, manager, 12);
            float[] expected = block.forward(new ParameterStore(manager, false), new NDList(
                    manager.create(first).reshape(1, first.length), manager.create(new int[] {first.length}),
                    manager.create(second).reshape(1, second.length), manager.create(new int[] {second.length})),
                    false).head().toFloatArray(); // (1, 3)
            try (PairStreamingPredictor stream = PairStreamingPredictor.of(block, manager)) {
                IllegalStateException early = assertThrows(IllegalStateException.class, stream::logits);
                assertTrue(early.getMessage().contains("at least one token of each text"), early.getMessage());
                for (int round = 0; round < 2; round++) {
                    for (int id : second) {
                        stream.stepSecond(id); // the texts' order of arrival does not matter
                    }
                    for (int id : first) {
                        stream.stepFirst(id);
                    }
                    assertClose(expected, stream.logits(), "after both texts, round " + round);
                    stream.reset();
                }
            }
            IllegalArgumentException sequence = assertThrows(IllegalArgumentException.class,
                    () -> StreamingPredictor.of(block, manager));
            assertTrue(sequence.getMessage().contains("PairStreamingPredictor"), sequence.getMessage());
        }
    }

    @Test
    void refusesModelsThatAreNotLmuStacksAndInputsOfAnotherWidth() {
        ModelConfig lstm = ModelConfig.of(TaskSpec.sequenceClassification(1, 2), new LstmConfig(4, 1, false, 0f));
        ModelConfig lmu = ModelConfig.of(TaskSpec.sequenceClassification(1, 2),
                new LmuConfig(4, 8, 4, 1, 1, 0f, Nonlinearity.TANH));
        try (NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException notLmu = assertThrows(IllegalArgumentException.class,
                    () -> StreamingPredictor.of(initialised(lstm, manager, 8), manager));
            assertTrue(notLmu.getMessage().contains("stack of LmuLayers"), notLmu.getMessage());
            try (StreamingPredictor stream = StreamingPredictor.of(initialised(lmu, manager, 8), manager)) {
                stream.step(0.5f);
                IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
                        () -> stream.step(0.5f, 0.5f));
                assertTrue(wide.getMessage().contains("needs 1 features"), wide.getMessage());
            }
        }
    }
}
