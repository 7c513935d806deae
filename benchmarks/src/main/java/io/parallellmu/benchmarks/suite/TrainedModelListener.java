package io.parallellmu.benchmarks.suite;

import ai.djl.Model;
import io.parallellmu.benchmarks.tasks.TaskData;
import io.parallellmu.reports.schema.RunKey;
import java.io.IOException;

/**
 * Sees each trained model of a suite run while it is still open: after its best epoch is restored, it is tested
 * and (with {@code --save-models}) written, and before it is closed. For callers that need more of a run than its
 * result row, such as a test comparing a saved artifact's predictions with the model that was saved.
 */
@FunctionalInterface
public interface TrainedModelListener {

    /** Ignores every model. */
    TrainedModelListener NONE = (key, model, data) -> {};

    /**
     * Called once per trained run.
     *
     * @param key the run
     * @param model the trained model, with its best epoch's parameters; closed after this returns
     * @param data the task's data the run trained and tested on
     * @throws IOException if the listener cannot do its work
     */
    void trained(RunKey key, Model model, TaskData data) throws IOException;
}
