package io.parallellmu.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Early stopping's bookkeeping in the run's state, which checkpoints keep and resumes restore. */
class EarlyStoppingTest {

    private static EpochScores scores(int epoch, double validationLoss, OptionalDouble metric) {
        return new EpochScores(epoch, 1.0, 10.0, new EpochScores.Validation(validationLoss, metric));
    }

    private static RunState endEpochs(EarlyStopping stopping, RunState state, double... accuracies) {
        RunContext run = new RunContext(null, state, accuracies.length);
        for (int i = 0; i < accuracies.length; i++) {
            stopping.onEpochEnd(run, scores(i + 1, 0.5, OptionalDouble.of(accuracies[i])));
        }
        return state;
    }

    @Test
    void followsTheMetricInItsDirectionAndStopsAfterPatienceEpochsWithoutImprovement() {
        EarlyStopping stopping = new EarlyStopping(2, true);
        RunState state = endEpochs(stopping, RunState.fresh("accuracy"), 0.6, 0.8, 0.7);
        assertEquals(0.8, state.bestValue);
        assertEquals(2, state.bestEpoch);
        assertEquals(1, state.epochsWithoutImprovement);
        assertFalse(stopping.stops(state));
        stopping.onEpochEnd(new RunContext(null, state, 4), scores(4, 0.1, OptionalDouble.of(0.8)));
        assertTrue(stopping.stops(state), "equal is no improvement");
    }

    @Test
    void followsTheLossDownwardsWithoutAMetric() {
        EarlyStopping stopping = new EarlyStopping(1, false);
        RunState state = RunState.fresh("loss");
        RunContext run = new RunContext(null, state, 2);
        stopping.onEpochEnd(run, scores(1, 0.4, OptionalDouble.empty()));
        stopping.onEpochEnd(run, scores(2, 0.3, OptionalDouble.empty()));
        assertEquals(0.3, state.bestValue);
        assertEquals(2, state.bestEpoch);
        assertFalse(stopping.stops(state));
    }

    @Test
    void anEpochWithoutValidationChangesNothingAndNoPatienceNeverStops() {
        EarlyStopping never = new EarlyStopping(0, true);
        RunState state = endEpochs(never, RunState.fresh("accuracy"), 0.9, 0.1, 0.1, 0.1);
        assertFalse(never.stops(state), "patience 0 never stops");
        never.onEpochEnd(new RunContext(null, state, 5), new EpochScores(5, 1.0, 10.0, null));
        assertEquals(3, state.epochsWithoutImprovement);
        assertEquals(1, state.bestEpoch);
    }

    @Test
    void aRunResumedAfterItStoppedEarlyStaysStopped() {
        CheckpointState saved = new CheckpointState(Checkpoints.FORMAT_VERSION, 1, "{}", 40, 4, 0, 0, "accuracy", 0.9,
                2, 2, List.of(), List.of(), List.of(), 1.0);
        assertTrue(new EarlyStopping(2, true).stops(RunState.from(saved)));
    }
}
