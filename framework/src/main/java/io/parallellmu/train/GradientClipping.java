package io.parallellmu.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Global-norm gradient clipping (Pascanu et al., 2013): if ‖g‖₂ over all parameters exceeds c, every gradient is
 * scaled by c / ‖g‖₂, keeping its direction (DJL's {@code optClipGrad} only clamps from above on PyTorch).
 *
 * <p>Works on the parameters' own gradient arrays, which is exact for single-device training (one CPU or one
 * GPU). Every {@code getGradient()} wrapper and every temporary is closed before returning.
 */
public final class GradientClipping {

    private GradientClipping() {}

    /**
     * Returns the arrays of a block's trainable parameters.
     *
     * @param block an initialised block
     * @return the parameter arrays that require gradients
     */
    public static List<NDArray> trainableArrays(Block block) {
        return block.getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .map(Parameter::getArray)
                .collect(Collectors.toList());
    }

    /**
     * Clips the gradients of the given parameters in place to a global L2 norm of at most {@code maxNorm}.
     *
     * @param parameters parameter arrays with gradients attached
     * @param maxNorm the largest allowed global norm; {@code Float.POSITIVE_INFINITY} only measures
     * @return the global norm before clipping (NaN or infinite if some gradient is)
     */
    public static double clipGlobalNorm(List<NDArray> parameters, float maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm must be positive, got " + maxNorm);
        }
        if (parameters.isEmpty()) {
            return 0;
        }
        try (NDManager scope = parameters.get(0).getManager().newSubManager()) {
            NDList gradients = new NDList();
            for (NDArray parameter : parameters) {
                NDArray gradient = parameter.getGradient(); // a new wrapper around the parameter's gradient
                gradient.attach(scope); // closed with the scope, so the wrapper never leaks
                gradients.add(gradient);
            }
            double norm = norm(gradients, DataType.FLOAT32);
            if (!Double.isFinite(norm)) {
                // A float32 sum of squares overflows once one gradient passes about 1.8e19, although Adam still
                // steps with such a gradient; float64 tells that overflow from a gradient that is not finite.
                norm = norm(gradients, DataType.FLOAT64);
            }
            if (Double.isFinite(norm) && norm > maxNorm) {
                float scale = (float) (maxNorm / norm);
                for (NDArray gradient : gradients) {
                    gradient.muli(scale); // in place: the wrapper shares the gradient's storage
                }
            }
            return norm;
        }
    }

    /** The global L2 norm, its sum of squares taken in the given type. */
    private static double norm(NDList gradients, DataType type) {
        NDList squaredNorms = new NDList();
        for (NDArray gradient : gradients) {
            squaredNorms.add(gradient.toType(type, false).square().sum());
        }
        return Math.sqrt(NDArrays.stack(squaredNorms).sum().toType(DataType.FLOAT64, false).getDouble());
    }
}
