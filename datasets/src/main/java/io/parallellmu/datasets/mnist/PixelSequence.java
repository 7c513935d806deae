package io.parallellmu.datasets.mnist;

import ai.djl.ndarray.NDList;
import io.parallellmu.zoo.PixelPooling;
import io.parallellmu.zoo.PermutedPixels;
import io.parallellmu.zoo.TaskMetadata;
import java.util.List;

/**
 * psMNIST's input at a sequence length, the one home of its preprocessing. At 784 steps it is the data set's
 * permuted pixels as they are. Profiles that cannot afford 784 steps ask for (28/k)² steps and get k×k
 * average-pooled cells, read in the order of a second permutation with the same seed; the pooling itself is the
 * zoo's {@link PixelPooling}, and {@link #metadata} stores both permutations and k with a saved model, so that its
 * translator pools raw images exactly alike.
 */
public final class PixelSequence {

    private final PixelPermutation pixels;
    private final int factor;
    private final PixelPermutation cells; // null at full length
    private final PixelPooling pooling; // null at full length

    /** The input of side² steps: each step a k×k cell, k = 28 / side; at side 28, the pixels themselves. */
    private PixelSequence(PixelPermutation pixels, int side) {
        this.pixels = pixels;
        factor = MnistArchive.SIDE / side;
        cells = factor == 1 ? null : PixelPermutation.fromSeed(pixels.seed(), side * side);
        pooling = factor == 1 ? null : new PixelPooling(MnistArchive.SIDE, MnistArchive.SIDE, factor, cells.order());
    }

    /**
     * Returns the input of a length.
     *
     * @param pixels the data set's pixel permutation, of 784 pixels
     * @param length 784, or a pooled length L', the square of a divisor of 28: 196 (2×2), 49 (4×4), 16 or 4
     * @return the input
     * @throws IllegalArgumentException naming the valid lengths when {@code length} is none of them
     */
    public static PixelSequence of(PixelPermutation pixels, int length) {
        int side = (int) Math.round(Math.sqrt(length));
        if (side < 1 || side * side != length || MnistArchive.SIDE % side != 0) {
            throw new IllegalArgumentException("psMNIST length must be 784, 196, 49, 16 or 4 (a pooled square), got "
                    + length);
        }
        return new PixelSequence(pixels, side);
    }

    /**
     * Returns the number of steps.
     *
     * @return 784, or the pooled length L'
     */
    public int length() {
        return pooling == null ? pixels.length() : pooling.length();
    }

    /**
     * Turns a batch of the data set's sequences into this input.
     *
     * @param data the permuted pixels (N, 784, 1) first
     * @return the same list unpooled, or the permuted cells (N, L', 1), each the mean of its pixels
     */
    public NDList apply(NDList data) {
        return pooling == null ? data : new NDList(pooling.apply(data.get(0), pixels.order())); // → (N, L', 1)
    }

    /**
     * Returns what a saved model needs to read raw images: the pixel permutation and, when pooled, the pool size
     * and the cell permutation.
     *
     * @param labels the class names
     * @return the permuted-pixel metadata
     */
    public PermutedPixels metadata(List<String> labels) {
        return pooling == null
                ? TaskMetadata.permutedPixels(MnistArchive.SIDE, MnistArchive.SIDE, pixels.order(), pixels.seed(),
                        labels)
                : TaskMetadata.pooledPixels(MnistArchive.SIDE, MnistArchive.SIDE, pixels.order(), pixels.seed(),
                        factor, cells.order(), labels);
    }
}
