package io.parallellmu.zoo.translate;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import io.parallellmu.zoo.PermutedPixels;

/**
 * A permuted-pixel classifier (psMNIST) on a DJL {@link Image} of the trained size: the image is read as grey
 * levels, scaled from 0..255 to [0, 1], and classified like a {@code float[]} by {@link PixelArrayTranslator}.
 */
public final class PixelImageTranslator extends PermutedPixelTranslator<Image> {

    /**
     * Creates the translator.
     *
     * @param artifact the artifact id, for error messages
     * @param task the artifact's metadata, a {@link PermutedPixels}
     */
    public PixelImageTranslator(String artifact, PermutedPixels task) {
        super(artifact, task);
    }

    /** {@inheritDoc} */
    @Override
    public NDList processInput(TranslatorContext ctx, Image input) throws TranslateException {
        int height = task().imageHeight();
        int width = task().imageWidth();
        if (input.getHeight() != height || input.getWidth() != width) {
            throw new TranslateException(artifact() + " expects a " + height + "×" + width + " image ("
                    + height * width + " pixels), got " + input.getHeight() + "×" + input.getWidth()
                    + "; resize it first");
        }
        float[] grey = input.toNDArray(ctx.getNDManager(), Image.Flag.GRAYSCALE) // (H, W, 1) uint8
                .toType(DataType.FLOAT32, false)
                .div(255f)
                .toFloatArray();
        return sequence(ctx.getNDManager(), grey);
    }
}
