package io.parallellmu.zoo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * The input of a pooled permuted-pixel model (psMNIST at 196 or 49 steps): the image is average-pooled in k×k
 * cells, and the cells are read in a fixed permuted order, so step s is the mean of the k² pixels of cell
 * {@code cellOrder[s]} (cells numbered row-major). The suite's data and the zoo's translator both pool through
 * {@link #apply}, so a model sees the same sequence in training and in use.
 */
public final class PixelPooling {

    private final int height;
    private final int width;
    private final int factor;
    private final int[] cellOrder;
    private volatile PoolingMatrix last;

    /**
     * Creates the pooling.
     *
     * @param height image height in pixels
     * @param width image width in pixels
     * @param factor the cell side k, which divides both height and width
     * @param cellOrder a permutation of the (height/k)·(width/k) cells
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public PixelPooling(int height, int width, int factor, int[] cellOrder) {
        if (factor < 1 || height < 1 || width < 1 || height % factor != 0 || width % factor != 0) {
            throw new IllegalArgumentException("the pool size must be at least 1 and divide the image size " + height
                    + "×" + width + ", got " + factor);
        }
        Permutations.require(cellOrder, (height / factor) * (width / factor));
        this.height = height;
        this.width = width;
        this.factor = factor;
        this.cellOrder = cellOrder.clone();
    }

    /**
     * Returns the pooled sequence length, the number of cells.
     *
     * @return (height/k)·(width/k)
     */
    public int length() {
        return cellOrder.length;
    }

    /**
     * Pools a batch of pixel sequences into cell sequences: one matrix M (H·W, L') of weights 1/k² maps each pixel
     * to the step that reads its cell.
     *
     * @param sequences the images' pixels (N, H·W, 1), step t holding pixel {@code pixelOrder[t]} (row-major)
     * @param pixelOrder the order the pixels are given in, a permutation of 0..H·W−1
     * @return the cells (N, L', 1), step s the mean of cell {@code cellOrder[s]}
     */
    public NDArray apply(NDArray sequences, int[] pixelOrder) {
        PoolingMatrix map = last;
        if (map == null || !Arrays.equals(map.pixelOrder(), pixelOrder)) {
            map = new PoolingMatrix(pixelOrder.clone(), matrix(pixelOrder));
            last = map; // a translator pools every image in the same order: build the matrix once
        }
        int pixels = height * width;
        int length = length();
        long n = sequences.getShape().get(0);
        try (NDArray weights = sequences.getManager().create(map.weights(), new Shape(pixels, length))) {
            // (N, H·W)·(H·W, L') → (N, L', 1)
            return sequences.reshape(n, pixels).matMul(weights).reshape(n, length, 1);
        }
    }

    /** The pooling matrix M (H·W, L') for one pixel order, row-major. */
    private float[] matrix(int[] pixelOrder) {
        int pixels = height * width;
        Permutations.require(pixelOrder, pixels);
        int length = length();
        int[] stepOfCell = new int[length];
        for (int s = 0; s < length; s++) {
            stepOfCell[cellOrder[s]] = s;
        }
        int cellsPerRow = width / factor;
        float[] matrix = new float[pixels * length];
        for (int t = 0; t < pixels; t++) {
            int row = pixelOrder[t] / width;
            int column = pixelOrder[t] % width;
            int cell = (row / factor) * cellsPerRow + column / factor;
            matrix[t * length + stepOfCell[cell]] = 1f / (factor * factor);
        }
        return matrix;
    }

    /** A pixel order and its pooling matrix. */
    private record PoolingMatrix(int[] pixelOrder, float[] weights) {}
}
