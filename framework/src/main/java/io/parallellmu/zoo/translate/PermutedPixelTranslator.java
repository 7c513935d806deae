package io.parallellmu.zoo.translate;

import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.parallellmu.zoo.PixelPooling;
import io.parallellmu.zoo.PermutedPixels;

/**
 * What the permuted-pixel translators share: row-major pixels in [0, 1] become the model's sequence in the stored
 * order (average-pooled in cells by the stored {@link PixelPooling} when the model was trained on pooled
 * sequences), and logits become {@link Classifications} over the stored labels. Subclasses read their input type.
 *
 * @param <I> the input type
 */
public abstract class PermutedPixelTranslator<I> implements Translator<I, Classifications> {

    private final String artifact;
    private final PermutedPixels task;
    private final int[] permutation;
    private final PixelPooling pooling;

    /**
     * Creates the translator.
     *
     * @param artifact the artifact id, for error messages
     * @param task the artifact's metadata, a {@link PermutedPixels}
     */
    protected PermutedPixelTranslator(String artifact, PermutedPixels task) {
        this.artifact = artifact;
        this.task = task;
        this.permutation = task.permutation();
        this.pooling = task.pooling();
    }

    /**
     * Returns the artifact id.
     *
     * @return the id, for error messages
     */
    protected String artifact() {
        return artifact;
    }

    /**
     * Returns the artifact's metadata.
     *
     * @return the metadata
     */
    protected PermutedPixels task() {
        return task;
    }

    /**
     * Permutes row-major pixels into the model's sequence.
     *
     * @param manager the context's manager
     * @param values the pixels
     * @return the sequence, (H·W, 1), or (L', 1) cells when pooled
     * @throws TranslateException if there are not H·W pixels in [0, 1]
     */
    protected NDList sequence(NDManager manager, float[] values) throws TranslateException {
        if (values.length != permutation.length) {
            throw new TranslateException(artifact + " expects " + permutation.length + " pixels (a "
                    + task.imageHeight() + "×" + task.imageWidth() + " image, row-major, values in [0, 1]), got "
                    + values.length + " values");
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
        if (pooling == null) {
            return new NDList(manager.create(ordered).reshape(ordered.length, 1)); // (L, 1)
        }
        try (NDArray pixels = manager.create(ordered).reshape(1, ordered.length, 1)) { // (1, H·W, 1)
            return new NDList(pooling.apply(pixels, permutation).reshape(pooling.length(), 1)); // (L', 1)
        }
    }

    /** {@inheritDoc} */
    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list) {
        return new Classifications(task.labels(),
                list.singletonOrThrow().toType(DataType.FLOAT32, false).softmax(-1)); // (C)
    }

    /** {@inheritDoc} */
    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}
