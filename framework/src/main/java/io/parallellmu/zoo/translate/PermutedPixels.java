package io.parallellmu.zoo.translate;

import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import io.parallellmu.zoo.TaskMetadata;

/**
 * The shared steps of the permuted-pixel translators: pixels in [0, 1], row-major, become the model's sequence in
 * the stored order, and logits become {@link Classifications} over the stored labels.
 */
final class PermutedPixels {

    private final String artifact;
    private final TaskMetadata task;
    private final int[] permutation;

    PermutedPixels(String artifact, TaskMetadata task) {
        this.artifact = artifact;
        this.task = task;
        this.permutation = task.permutation();
    }

    /** Returns the number of pixels H·W. */
    int pixels() {
        return permutation.length;
    }

    /** Describes the expected input, for error messages. */
    String expected() {
        return pixels() + " pixels (a " + task.imageHeight() + "×" + task.imageWidth()
                + " image, row-major, values in [0, 1])";
    }

    /**
     * Permutes row-major pixels into the model's sequence.
     *
     * @param manager the context's manager
     * @param values the pixels
     * @return the sequence, (H·W, 1)
     * @throws TranslateException if there are not H·W pixels in [0, 1]
     */
    NDList sequence(NDManager manager, float[] values) throws TranslateException {
        if (values.length != pixels()) {
            throw new TranslateException(artifact + " expects " + expected() + ", got " + values.length + " values");
        }
        float[] ordered = new float[values.length];
        for (int t = 0; t < ordered.length; t++) {
            float v = values[permutation[t]];
            if (!(v >= 0f && v <= 1f)) {
                throw new TranslateException(artifact + " expects pixel values in [0, 1], got " + v + " at pixel "
                        + permutation[t] + (v > 1f ? " (divide 0..255 pixels by 255)" : ""));
            }
            ordered[t] = v;
        }
        return new NDList(manager.create(ordered).reshape(ordered.length, 1)); // (L, 1)
    }

    /**
     * Turns logits into class probabilities.
     *
     * @param ctx the context
     * @param list the model's output, logits (C)
     * @return the classifications
     */
    Classifications classify(TranslatorContext ctx, NDList list) {
        NDArray probabilities = list.singletonOrThrow().toType(DataType.FLOAT32, false).softmax(-1); // (C)
        return new Classifications(task.labels(), probabilities);
    }
}
