package io.parallellmu.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** The element-wise functions f₁ and f₂ of the LMU layer (eqs. 18 and 20). */
public enum Nonlinearity {
    /** f(x) = x. */
    IDENTITY,
    /** f(x) = max(x, 0). */
    RELU,
    /** f(x) = tanh(x). */
    TANH,
    /** f(x) = 1 / (1 + e^−x). */
    SIGMOID,
    /** The Gaussian error linear unit. */
    GELU;

    /**
     * Applies the function.
     *
     * @param x the input
     * @return f(x), or {@code x} itself for {@link #IDENTITY}
     */
    public NDArray apply(NDArray x) {
        switch (this) {
            case RELU:
                return Activation.relu(x);
            case TANH:
                return Activation.tanh(x);
            case SIGMOID:
                return Activation.sigmoid(x);
            case GELU:
                return Activation.gelu(x);
            case IDENTITY:
            default:
                return x;
        }
    }
}
