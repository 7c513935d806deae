package io.parallellmu.nn.baselines;

/** The argument checks shared by the LSTM stacks. */
final class StackChecks {

    private StackChecks() {}

    /**
     * Checks a stack's sizes and dropout.
     *
     * @param hiddenSize units per layer (and direction), at least 1
     * @param layers stacked layers, at least 1
     * @param dropout dropout between layers, in [0, 1)
     * @throws IllegalArgumentException naming the bad value
     */
    static void check(int hiddenSize, int layers, float dropout) {
        if (hiddenSize < 1 || layers < 1) {
            throw new IllegalArgumentException(
                    "hiddenSize and layers must be at least 1, got " + hiddenSize + " and " + layers);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }
}
