package io.parallellmu.zoo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.parallellmu.models.LmuConfig;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.models.TaskModels;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.nn.Nonlinearity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Tiny, randomly initialised zoo models written as artifacts, for tests that need no trained weights. */
final class ZooFixtures {

    /** Image height of the tiny permuted-pixel task. */
    static final int HEIGHT = 4;
    /** Image width of the tiny permuted-pixel task. */
    static final int WIDTH = 5;
    /** Its labels. */
    static final List<String> LABELS = List.of("a", "b", "c");

    private ZooFixtures() {}

    /** The tiny permuted-pixel classifier's config: 20 steps, 3 classes. */
    static ModelConfig pixelConfig() {
        return ModelConfig.of(TaskSpec.sequenceClassification(1, LABELS.size()),
                new LmuConfig(8, HEIGHT * WIDTH, 6, 1, 1, 0f, Nonlinearity.RELU));
    }

    /** A fixed permutation of the tiny image's pixels. */
    static int[] permutation() {
        int[] order = new int[HEIGHT * WIDTH];
        for (int t = 0; t < order.length; t++) {
            order[t] = (7 * t + 3) % order.length; // 7 is coprime with 20
        }
        return order;
    }

    /** Builds and initialises a block from a seed. */
    static Block initialised(ModelConfig config, NDManager manager, long length) {
        Engine.getInstance().setRandomSeed(11);
        Block block = TaskModels.create(config);
        block.initialize(manager, DataType.FLOAT32, TaskModels.inputShapes(config.task(), 2, length));
        return block;
    }

    /** Puts back the zoo-directory property a test replaced (null: it was not set). */
    static void restoreZooDirectory(String previous) {
        if (previous == null) {
            System.clearProperty(ZooDirectory.PROPERTY);
        } else {
            System.setProperty(ZooDirectory.PROPERTY, previous);
        }
    }

    /** Writes the tiny permuted-pixel classifier. */
    static ModelArtifact writePixelModel(Path dir, Block block) throws IOException {
        return ModelArtifact.write(dir, block, pixelConfig(),
                TaskMetadata.permutedPixels(HEIGHT, WIDTH, permutation(), 42, LABELS), card("tiny-pixels"));
    }

    /** A card for a fixture. */
    static ModelCard card(String task) {
        return ModelCard.builder()
                .setTask(task)
                .setData("synthetic", "random weights, no data", "none")
                .setMetric("accuracy", 0.0)
                .setTrainingCommand("(not trained: a test fixture)")
                .build();
    }

    /** Random row-major images in [0, 1]. */
    static float[][] images(int count, long seed) {
        Random random = new Random(seed);
        float[][] images = new float[count][HEIGHT * WIDTH];
        for (float[] image : images) {
            for (int i = 0; i < image.length; i++) {
                image[i] = random.nextFloat();
            }
        }
        return images;
    }

    /** The block's class probabilities for one image, permuted by hand. */
    static float[] probabilities(Block block, NDManager manager, float[] image) {
        int[] order = permutation();
        float[] sequence = new float[order.length];
        for (int t = 0; t < order.length; t++) {
            sequence[t] = image[order[t]];
        }
        NDArray x = manager.create(sequence).reshape(1, order.length, 1); // (1, L, 1)
        NDArray logits = block.forward(new ParameterStore(manager, false), new NDList(x), false).head(); // (1, C)
        return logits.softmax(-1).toFloatArray();
    }
}
