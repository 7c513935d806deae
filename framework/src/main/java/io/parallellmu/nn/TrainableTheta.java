package io.parallellmu.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.parallellmu.lti.Discretizer;
import io.parallellmu.lti.ThetaSensitivity;

/**
 * A learned window θ = e^{log θ} (positive by construction) and the memory kernels that depend on it.
 *
 * <p>For the current value θ₀ it keeps two kernel sets derived in {@code double} from one discretisation:
 * X(θ₀) and dX/dθ(θ₀) for every kernel kind X. {@link #effective} puts X(θ₀) + (θ − stopgrad θ)·dX/dθ(θ₀)
 * into the autograd graph: its value is X(θ₀) exactly and its gradient with respect to θ is exact. The
 * kernels are rebuilt whenever θ₀ changes, that is after every optimiser step: one O(d³) discretisation and
 * one O(d²L) pass for H and dH/dθ, in Java {@code double}.
 */
final class TrainableTheta {

    /** The parameter's name in the block. */
    static final String PARAMETER = "logTheta";

    private final int order;
    private final Discretizer discretizer;
    private final Parameter logTheta;
    private double theta0 = Double.NaN;
    private LtiKernels value;
    private LtiKernels derivative;

    /**
     * Creates the parameter, initialised to log θ.
     *
     * @param order the order d
     * @param theta the initial window
     * @param discretizer the discretiser of every kernel
     */
    TrainableTheta(int order, double theta, Discretizer discretizer) {
        this.order = order;
        this.discretizer = discretizer;
        logTheta =
                Parameter.builder()
                        .setName(PARAMETER)
                        .setType(Parameter.Type.OTHER)
                        .optShape(new Shape(1))
                        .optInitializer((manager, shape, dataType) -> manager.create(new double[] {Math.log(theta)}, shape).toType(dataType, false))
                        .build();
    }

    /**
     * Returns the parameter log θ, (1).
     *
     * @return the parameter
     */
    Parameter parameter() {
        return logTheta;
    }

    /**
     * Returns the window currently stored in the parameter, or the initial one before initialisation.
     *
     * @param initial the builder's θ
     * @return θ₀
     */
    double current(double initial) {
        if (!logTheta.isInitialized()) {
            return initial;
        }
        return Math.exp(logValue(logTheta.getArray()));
    }

    /**
     * Returns the kernels of X(θ₀), rebuilding both kernel sets if θ₀ changed.
     *
     * @param theta θ₀
     * @return the value kernels
     */
    synchronized LtiKernels valueKernels(double theta) {
        if (theta != theta0) {
            if (value != null) {
                value.close();
                derivative.close();
            }
            ThetaSensitivity sensitivity = discretizer.legendreSensitivity(order, theta);
            value = new LtiKernels(sensitivity.system());
            derivative = LtiKernels.derivativeOf(sensitivity);
            theta0 = theta;
        }
        return value;
    }

    /**
     * Returns X(θ₀) + δ·dX/dθ(θ₀) for a kernel kind, where δ = θ − stopgrad θ is zero in value.
     *
     * @param kind the kernel kind
     * @param length L
     * @param like an array of the data type and device wanted
     * @param delta θ − stopgrad θ, (1), from {@link #delta}
     * @param theta θ₀, the value at which δ was formed
     * @return the kernel in the graph, attached to δ's manager
     */
    synchronized NDArray effective(LtiKernels.Kind kind, int length, NDArray like, NDArray delta, double theta) {
        NDArray x = valueKernels(theta).get(kind, length, like);
        return delta.mul(derivative.get(kind, length, like)).add(x); // δ first, so results attach to its manager
    }

    /**
     * Returns δ = θ − stopgrad θ, zero in value, whose gradient carries dLoss/dθ into log θ.
     *
     * @param logValue the parameter's value in the graph, (1)
     * @return δ, (1)
     */
    static NDArray delta(NDArray logValue) {
        NDArray theta = logValue.exp();
        return theta.sub(theta.stopGradient());
    }

    /**
     * Reads log θ as a {@code double}.
     *
     * @param logValue the parameter's value, (1)
     * @return log θ
     */
    static double logValue(NDArray logValue) {
        return logValue.getDataType() == DataType.FLOAT64 ? logValue.getDouble() : logValue.getFloat();
    }
}
