package io.parallellmu.reports.schema;

import io.parallellmu.vocabulary.Split;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
/**
 * One point of a learning curve: a metric on one split after one epoch of one run; one row of
 * {@code curves.csv}.
 *
 * @param task the task
 * @param model the model family
 * @param config the configuration name (with task, model and seed: the run)
 * @param seed the random seed
 * @param epoch the epoch, from 1
 * @param split the split evaluated, for example "train", "valid" or "test"
 * @param metric the metric's name, for example "loss" or "accuracy" (a fraction in [0, 1])
 * @param value the metric's value; NaN when training diverged
 */
public record LearningCurvePoint(
        TaskId task,
        ModelFamily model,
        String config,
        long seed,
        int epoch,
        Split split,
        String metric,
        double value) {

    /**
     * Validates the point.
     *
     * @param task the task
     * @param model the model family
     * @param config the configuration name (with task, model and seed: the run)
     * @param seed the random seed
     * @param epoch the epoch, from 1
     * @param split the split evaluated, for example "train", "valid" or "test"
     * @param metric the metric's name, for example "loss" or "accuracy" (a fraction in [0, 1])
     * @param value the metric's value; NaN when training diverged
     * @throws IllegalArgumentException naming the first invalid field
     */
    public LearningCurvePoint {
        new RunKey(task, model, config, seed); // validates the run's identity
        Checks.atLeast(epoch, 1, "epoch");
        Checks.present(split, "split");
        Checks.nonBlank(metric, "metric");
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("curve value must not be infinite");
        }
    }

    /**
     * Creates a point of the given run.
     *
     * @param run the run's identity
     * @param epoch the epoch, from 1
     * @param split the split evaluated
     * @param metric the metric's name
     * @param value the metric's value
     * @return the point
     */
    public static LearningCurvePoint of(
            RunKey run, int epoch, Split split, String metric, double value) {
        return new LearningCurvePoint(
                run.task(), run.model(), run.config(), run.seed(), epoch, split, metric, value);
    }

    /**
     * Returns the run this point belongs to.
     *
     * @return (task, model, config, seed)
     */
    public RunKey run() {
        return new RunKey(task, model, config, seed);
    }

    /**
     * Returns the identity of this point.
     *
     * @return (run, epoch, split, metric)
     */
    public CurvePointKey key() {
        return new CurvePointKey(run(), epoch, split, metric);
    }
}
