package io.parallellmu.train;

import java.util.List;

/**
 * The JSON part of a checkpoint ({@code state.json}): where the run was and everything needed to continue it.
 *
 * @param formatVersion the layout version, {@value Checkpoints#FORMAT_VERSION}
 * @param seed the run's seed; epoch shuffles and step dropout seeds are derived from it
 * @param config the model/run configuration as JSON, as given to the loop
 * @param step optimizer steps done
 * @param epoch the 0-based epoch in progress (or about to start)
 * @param batchesDoneInEpoch batches of that epoch already trained on
 * @param epochLossSum sum of the batch losses of that epoch so far
 * @param metricName the early-stopping metric's name
 * @param bestValue the best validation value so far, or {@code null}
 * @param bestEpoch the 1-based epoch of {@code bestValue}, or 0
 * @param epochsWithoutImprovement epochs since the best one
 * @param history every per-epoch metric reported so far
 * @param optimizerParameters the parameters the optimizer holds moments for, by their path in the block
 * @param optimizerUpdateCounts their update counts
 * @param trainingSeconds wall seconds spent training up to this checkpoint, over every session of the run (0 in
 *     checkpoints written before this was recorded)
 */
public record CheckpointState(
        int formatVersion,
        long seed,
        String config,
        int step,
        int epoch,
        int batchesDoneInEpoch,
        double epochLossSum,
        String metricName,
        Double bestValue,
        int bestEpoch,
        int epochsWithoutImprovement,
        List<EpochMetric> history,
        List<String> optimizerParameters,
        List<Integer> optimizerUpdateCounts,
        double trainingSeconds) {}
