package io.parallellmu.train;

/** One call to {@link TrainingLoop#fit} as the loop's {@link LoopListener}s see it: session, state and clock. */
final class RunContext {

    final TrainingSession session;
    final RunState state;
    final int epochs;
    private final long started = System.nanoTime();
    private final int startStep;

    RunContext(TrainingSession session, RunState state, int epochs) {
        this.session = session;
        this.state = state;
        this.epochs = epochs;
        this.startStep = state.step;
    }

    /** Returns the wall seconds of this session so far. */
    double sessionSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** Returns the wall seconds spent training over every session of the run, the earlier ones included. */
    double trainingSeconds() {
        return state.trainingSecondsBefore + sessionSeconds();
    }

    /** Returns the optimizer steps per second of this session so far. */
    double stepsPerSecond() {
        return (state.step - startStep) / sessionSeconds();
    }
}
