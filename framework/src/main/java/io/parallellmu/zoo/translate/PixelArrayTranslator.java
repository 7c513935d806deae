package io.parallellmu.zoo.translate;

import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.parallellmu.zoo.TaskMetadata;

/**
 * A permuted-pixel classifier (psMNIST) on a flat, row-major {@code float[]} image with values in [0, 1]: the
 * pixels are read in the stored permutation and the logits become {@link Classifications}.
 */
public final class PixelArrayTranslator implements Translator<float[], Classifications> {

    private final PermutedPixels pixels;

    /**
     * Creates the translator.
     *
     * @param artifact the artifact id, for error messages
     * @param task the artifact's metadata, of kind {@link TaskMetadata.Kind#PERMUTED_PIXELS}
     */
    public PixelArrayTranslator(String artifact, TaskMetadata task) {
        pixels = new PermutedPixels(artifact, task);
    }

    /** {@inheritDoc} */
    @Override
    public NDList processInput(TranslatorContext ctx, float[] input) throws TranslateException {
        return pixels.sequence(ctx.getNDManager(), input);
    }

    /** {@inheritDoc} */
    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list) {
        return pixels.classify(ctx, list);
    }

    /** {@inheritDoc} */
    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}
