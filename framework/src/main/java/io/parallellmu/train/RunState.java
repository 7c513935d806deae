package io.parallellmu.train;

import java.util.ArrayList;
import java.util.List;

/** The training loop's mutable position and bookkeeping; what a checkpoint's {@code state.json} records. */
final class RunState {
    int step;
    int epoch;
    int batchesDoneInEpoch;
    double epochLossSum;
    String metricName;
    Double bestValue;
    int bestEpoch;
    int epochsWithoutImprovement;
    double trainingSecondsBefore;
    final List<EpochMetric> history = new ArrayList<>();

    private RunState() {}

    static RunState fresh(String metricName) {
        RunState state = new RunState();
        state.metricName = metricName;
        return state;
    }

    static RunState from(CheckpointState saved) {
        RunState state = fresh(saved.metricName());
        state.step = saved.step();
        state.epoch = saved.epoch();
        state.batchesDoneInEpoch = saved.batchesDoneInEpoch();
        state.epochLossSum = saved.epochLossSum();
        state.bestValue = saved.bestValue();
        state.bestEpoch = saved.bestEpoch();
        state.epochsWithoutImprovement = saved.epochsWithoutImprovement();
        state.trainingSecondsBefore = saved.trainingSeconds();
        state.history.addAll(saved.history());
        return state;
    }

    /** Moves on past the epoch in progress, once it has been trained in full. */
    void finishEpoch() {
        epoch++;
        batchesDoneInEpoch = 0;
        epochLossSum = 0;
    }

    CheckpointState toCheckpoint(long seed, String configJson, List<String> optimizerParameters,
            List<Integer> optimizerUpdateCounts, double trainingSeconds) {
        return new CheckpointState(Checkpoints.FORMAT_VERSION, seed, configJson, step, epoch, batchesDoneInEpoch,
                epochLossSum, metricName, bestValue, bestEpoch, epochsWithoutImprovement, List.copyOf(history),
                optimizerParameters, optimizerUpdateCounts, trainingSeconds);
    }
}
