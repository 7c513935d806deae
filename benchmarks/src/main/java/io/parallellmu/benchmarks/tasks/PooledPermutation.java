package io.parallellmu.benchmarks.tasks;

import ai.djl.ndarray.NDArray;
import io.parallellmu.datasets.mnist.PixelPermutation;
import io.parallellmu.zoo.PixelPooling;
import io.parallellmu.zoo.TaskMetadata;
import java.util.List;

/**
 * Turns permuted 28×28 sequences into permuted, k×k average-pooled ones of (28/k)² steps, for profiles that
 * cannot afford 784 steps: the cells are read in the order of a second permutation with the same seed, and the
 * pooling itself is the zoo's {@link PixelPooling}, so a saved model's translator pools raw images exactly alike.
 */
public final class PooledPermutation {

    /** Pixels per side of an MNIST image. */
    public static final int SIDE = 28;

    private final PixelPermutation pixels;
    private final PixelPermutation cells;
    private final int factor;
    private final PixelPooling pooling;

    /**
     * Creates the mapping.
     *
     * @param pixels the data set's pixel permutation
     * @param length the pooled length L', the square of a divisor of 28: 196 (2×2) or 49 (4×4)
     */
    public PooledPermutation(PixelPermutation pixels, int length) {
        int side = (int) Math.round(Math.sqrt(length));
        if (side * side != length || SIDE % side != 0) {
            throw new IllegalArgumentException("psMNIST length must be 784, 196, 49, 16 or 4 (a pooled square), got "
                    + length);
        }
        this.pixels = pixels;
        this.factor = SIDE / side;
        this.cells = PixelPermutation.fromSeed(pixels.seed(), length);
        this.pooling = new PixelPooling(SIDE, SIDE, factor, cells.order());
    }

    /**
     * Pools a batch of permuted sequences.
     *
     * @param sequences permuted pixels (N, 784, 1)
     * @return permuted cells (N, L', 1), each the mean of its pixels
     */
    public NDArray apply(NDArray sequences) {
        return pooling.apply(sequences, pixels.order()); // (N, 784, 1) → (N, L', 1)
    }

    /**
     * Returns what a saved model needs to read raw images: both permutations and the pool size.
     *
     * @param labels the class names
     * @return the pooled permuted-pixel metadata
     */
    public TaskMetadata metadata(List<String> labels) {
        return TaskMetadata.pooledPixels(SIDE, SIDE, pixels.order(), pixels.seed(), factor, cells.order(), labels);
    }
}
