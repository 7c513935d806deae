package io.parallellmu.train;

/**
 * Follows the best validation value (the metric, else the loss) in the run's state, and says when it has not
 * improved for {@code patience} epochs. Without validation data it follows nothing and never stops.
 */
final class EarlyStopping implements LoopListener {

    private final int patience;
    private final boolean higherIsBetter;

    /**
     * Creates the part.
     *
     * @param patience epochs without improvement that stop the run; 0 for never
     * @param higherIsBetter the tracked value's direction
     */
    EarlyStopping(int patience, boolean higherIsBetter) {
        this.patience = patience;
        this.higherIsBetter = higherIsBetter;
    }

    /** {@inheritDoc} */
    @Override
    public void onEpochEnd(RunContext run, EpochScores scores) {
        if (scores.validation() == null) {
            return;
        }
        RunState state = run.state;
        double value = scores.validation().tracked();
        if (state.bestValue == null || (higherIsBetter ? value > state.bestValue : value < state.bestValue)) {
            state.bestValue = value;
            state.bestEpoch = scores.epoch();
            state.epochsWithoutImprovement = 0;
        } else {
            state.epochsWithoutImprovement++;
        }
    }

    /**
     * Returns whether the run has gone {@code patience} epochs without improvement.
     *
     * @param state the run's state
     * @return true to stop
     */
    boolean stops(RunState state) {
        return patience > 0 && state.epochsWithoutImprovement >= patience;
    }
}
