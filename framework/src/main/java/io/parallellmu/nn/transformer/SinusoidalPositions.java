package io.parallellmu.nn.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Fixed sinusoidal position encodings (Vaswani et al., 2017, section 3.5).
 *
 * <p>PE[p, 2i] = sin(p / 10000^(2i/D)), PE[p, 2i+1] = cos(p / 10000^(2i/D)). They have no parameters, so any
 * sequence length works at run time.
 */
public final class SinusoidalPositions {

    private SinusoidalPositions() {}

    /**
     * Returns the encodings of positions 0..L−1.
     *
     * @param manager where to create them
     * @param length L
     * @param size D, even
     * @return a float32 array (L, D)
     */
    public static NDArray encode(NDManager manager, long length, int size) {
        TransformerChecks.even("size", size);
        NDArray positions = manager.arange(0f, (float) length, 1f, DataType.FLOAT32).reshape(-1, 1); // (L, 1)
        NDArray pairIndex = manager.arange(0f, (float) size, 2f, DataType.FLOAT32); // (D/2)
        NDArray frequencies = pairIndex.mul((float) (-Math.log(10000.0) / size)).exp().reshape(1, -1); // (1, D/2)
        NDArray angles = positions.mul(frequencies); // (L, D/2)
        return NDArrays.stack(new ai.djl.ndarray.NDList(angles.sin(), angles.cos()), 2).reshape(length, size); // (L, D)
    }
}
