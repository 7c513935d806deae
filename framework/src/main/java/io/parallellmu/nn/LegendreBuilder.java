package io.parallellmu.nn;

import io.parallellmu.lti.Discretizer;

/**
 * The settings every Legendre-memory block shares: the order d and window θ (required), the discretiser
 * and whether whole sequences are returned.
 *
 * @param <T> the concrete builder
 */
public abstract class LegendreBuilder<T extends LegendreBuilder<T>> {

    /** The order d; -1 until set. */
    protected int order = -1;
    /** The window θ in time steps; NaN until set. */
    protected double theta = Double.NaN;
    /** The discretiser, ZOH by default. */
    protected Discretizer discretizer = Discretizer.ZOH;
    /** Whether every step is returned (the default) or only the last. */
    protected boolean returnSequences = true;
    /** Whether θ is learned (default false). */
    protected boolean trainableTheta;

    /**
     * Returns this builder as its concrete type.
     *
     * @return this
     */
    protected abstract T self();

    /**
     * Sets the order d, the state dimension of the memory (of each channel's memory).
     *
     * @param order at least 1
     * @return this builder
     */
    public T setOrder(int order) {
        this.order = order;
        return self();
    }

    /**
     * Sets the window θ in time steps.
     *
     * @param theta positive
     * @return this builder
     */
    public T setTheta(double theta) {
        this.theta = theta;
        return self();
    }

    /**
     * Sets the discretiser (default ZOH).
     *
     * @param discretizer ZOH or EULER
     * @return this builder
     */
    public T optDiscretizer(Discretizer discretizer) {
        this.discretizer = discretizer;
        return self();
    }

    /**
     * Sets whether to return every step (default) or only the last.
     *
     * @param returnSequences true for whole sequences
     * @return this builder
     */
    public T optReturnSequences(boolean returnSequences) {
        this.returnSequences = returnSequences;
        return self();
    }

    /**
     * Sets whether θ is a trainable parameter (default false), learned as log θ in every memory mode.
     *
     * @param trainableTheta true to learn θ, starting from the value set by {@link #setTheta}
     * @return this builder
     */
    public T optTrainableTheta(boolean trainableTheta) {
        this.trainableTheta = trainableTheta;
        return self();
    }
}
