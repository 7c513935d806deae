package io.parallellmu.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multiplication and division by a constant that are safe inside a training graph.
 *
 * <p>DJL's {@code x.mul(Number)} and {@code x.div(Number)} wrap the number in a tensor that PyTorch reads from a
 * Java direct buffer without copying ({@code from_blob}), and close the wrapper at once. Autograd keeps that tensor
 * for the backward pass (the gradient of x·c is g·c), but once the wrapper is gone the JVM may free the buffer and
 * reuse its memory: the backward pass then multiplies by whatever lies there, and gradients turn into garbage,
 * huge or NaN, intermittently and depending on garbage collection. Here the constant is made by the engine
 * ({@code full}), which owns its storage, so the graph's reference keeps it valid.
 */
public final class Scalars {

    private Scalars() {}

    /**
     * Returns x · factor, differentiable in x.
     *
     * @param x any array
     * @param factor the constant
     * @return x · factor, of x's shape, data type and device
     */
    public static NDArray times(NDArray x, float factor) {
        try (NDArray constant = x.getManager().full(new Shape(), factor, x.getDataType(), x.getDevice())) {
            return x.mul(constant);
        }
    }

    /**
     * Returns x / divisor, differentiable in x.
     *
     * @param x any array
     * @param divisor the constant
     * @return x / divisor, of x's shape, data type and device
     */
    public static NDArray dividedBy(NDArray x, float divisor) {
        try (NDArray constant = x.getManager().full(new Shape(), divisor, x.getDataType(), x.getDevice())) {
            return x.div(constant);
        }
    }
}
