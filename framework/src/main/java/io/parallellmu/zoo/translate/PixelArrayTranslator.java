package io.parallellmu.zoo.translate;

import ai.djl.ndarray.NDList;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import io.parallellmu.zoo.PermutedPixels;

/**
 * A permuted-pixel classifier (psMNIST) on a flat, row-major {@code float[]} image with values in [0, 1]: the
 * pixels are read in the stored permutation and the logits become class probabilities.
 */
public final class PixelArrayTranslator extends PermutedPixelTranslator<float[]> {

    /**
     * Creates the translator.
     *
     * @param artifact the artifact id, for error messages
     * @param task the artifact's metadata, a {@link PermutedPixels}
     */
    public PixelArrayTranslator(String artifact, PermutedPixels task) {
        super(artifact, task);
    }

    /** {@inheritDoc} */
    @Override
    public NDList processInput(TranslatorContext ctx, float[] input) throws TranslateException {
        return sequence(ctx.getNDManager(), input);
    }
}
