package io.parallellmu.benchmarks.tasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.parallellmu.datasets.mnist.PixelPermutation;

/**
 * Turns permuted 28×28 sequences into permuted, k×k average-pooled ones of (28/k)² steps, for profiles that
 * cannot afford 784 steps: one matrix M (784, L') maps the permuted pixels to the pooled cells, in the order of a
 * second permutation with the same seed. Step s of the result is the mean of the k² pixels of cell order'[s].
 */
public final class PooledPermutation {

    /** Pixels per side of an MNIST image. */
    public static final int SIDE = 28;

    private final PixelPermutation pixels;
    private final PixelPermutation cells;
    private final int factor;

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
    }

    /**
     * Returns the permutation of the pooled cells, to be stored with a model.
     *
     * @return the cells' permutation
     */
    public PixelPermutation cells() {
        return cells;
    }

    /**
     * Pools a batch of permuted sequences.
     *
     * @param sequences permuted pixels (N, 784, 1)
     * @return permuted cells (N, L', 1), each the mean of its pixels
     */
    public NDArray apply(NDArray sequences) {
        NDManager manager = sequences.getManager();
        int length = cells.length();
        int[] cellOrder = cells.order();
        int[] stepOfCell = new int[length];
        for (int s = 0; s < length; s++) {
            stepOfCell[cellOrder[s]] = s;
        }
        int[] pixelOrder = pixels.order();
        int cellsPerRow = SIDE / factor;
        float[] matrix = new float[SIDE * SIDE * length];
        for (int t = 0; t < pixelOrder.length; t++) {
            int row = pixelOrder[t] / SIDE;
            int column = pixelOrder[t] % SIDE;
            int cell = (row / factor) * cellsPerRow + column / factor;
            matrix[t * length + stepOfCell[cell]] = 1f / (factor * factor);
        }
        long n = sequences.getShape().get(0);
        try (NDArray map = manager.create(matrix, new Shape(SIDE * SIDE, length))) {
            return sequences.reshape(n, SIDE * SIDE).matMul(map).reshape(n, length, 1); // (N, 784)·(784, L') → (N, L', 1)
        }
    }
}
