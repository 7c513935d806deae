package io.parallellmu.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba, 2015) whose moments and step counts can be saved and restored, so that a resumed run
 * continues exactly where it stopped. DJL's own {@code Adam} keeps them private.
 *
 * <p>The update itself is DJL's fused {@code adamUpdate} (which also zeroes the gradient), with the same
 * bias correction as DJL's {@code Adam}: lr · √(1 − β₂ᵗ) / (1 − β₁ᵗ). Single-device: one state per parameter.
 */
public final class CheckpointableAdam extends Optimizer {

    private final ParameterTracker learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final Map<String, Moments> moments = new LinkedHashMap<>();

    /**
     * Creates the optimizer.
     *
     * @param learningRate the learning-rate schedule, called with the parameter's 1-based update count
     * @param beta1 first-moment decay, in [0, 1)
     * @param beta2 second-moment decay, in [0, 1)
     * @param epsilon denominator guard, positive
     */
    public CheckpointableAdam(ParameterTracker learningRate, float beta1, float beta2, float epsilon) {
        super(new Builder());
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /**
     * Creates the optimizer with the usual β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
     *
     * @param learningRate the learning-rate schedule
     */
    public CheckpointableAdam(ParameterTracker learningRate) {
        this(learningRate, 0.9f, 0.999f, 1e-8f);
    }

    /** {@inheritDoc} */
    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        Moments state = moments.computeIfAbsent(parameterId, id -> new Moments(weight.zerosLike(), weight.zerosLike()));
        state.updates++;
        int t = state.updates;
        float rate = learningRate.getNewValue(parameterId, t);
        float biasCorrection = (float) (rate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        weight.getNDArrayInternal().adamUpdate(
                new NDList(weight, grad, state.mean, state.variance),
                new NDList(weight),
                rate,
                biasCorrection,
                getWeightDecay(),
                rescaleGrad,
                clipGrad,
                beta1,
                beta2,
                epsilon,
                true,
                false);
    }

    /**
     * Returns the ids of the parameters with state, in a stable order.
     *
     * @return parameter ids
     */
    public List<String> parameterIds() {
        return new ArrayList<>(moments.keySet());
    }

    /**
     * Returns the update count of each parameter, in {@link #parameterIds()} order.
     *
     * @return update counts
     */
    public List<Integer> updateCounts() {
        List<Integer> counts = new ArrayList<>();
        moments.values().forEach(m -> counts.add(m.updates));
        return counts;
    }

    /**
     * Returns the moments as {@code [mean₀, variance₀, mean₁, variance₁, …]} in {@link #parameterIds()} order.
     * The arrays are the live state: encode them, do not close them.
     *
     * @return the moments
     */
    public NDList momentArrays() {
        NDList list = new NDList();
        moments.values().forEach(m -> {
            list.add(m.mean);
            list.add(m.variance);
        });
        return list;
    }

    /**
     * Replaces the state with a saved one.
     *
     * @param parameterIds ids, as from {@link #parameterIds()}
     * @param updateCounts counts, as from {@link #updateCounts()}
     * @param arrays moments, as from {@link #momentArrays()}; kept as the live state
     */
    public void restore(List<String> parameterIds, List<Integer> updateCounts, NDList arrays) {
        if (arrays.size() != 2 * parameterIds.size() || updateCounts.size() != parameterIds.size()) {
            throw new IllegalArgumentException("optimizer state: " + parameterIds.size() + " parameters, "
                    + updateCounts.size() + " counts and " + arrays.size() + " moment arrays do not match");
        }
        moments.clear();
        for (int i = 0; i < parameterIds.size(); i++) {
            Moments state = new Moments(arrays.get(2 * i), arrays.get(2 * i + 1));
            state.updates = updateCounts.get(i);
            moments.put(parameterIds.get(i), state);
        }
    }

    private static final class Moments {
        private final NDArray mean;
        private final NDArray variance;
        private int updates;

        private Moments(NDArray mean, NDArray variance) {
            this.mean = mean;
            this.variance = variance;
        }
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
