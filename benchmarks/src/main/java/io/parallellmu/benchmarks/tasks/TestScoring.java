package io.parallellmu.benchmarks.tasks;

import ai.djl.Model;
import ai.djl.training.dataset.RandomAccessDataset;
import io.parallellmu.metrics.Metric;
import java.util.function.Supplier;

/**
 * How a task scores a trained model on its loaded test split. It is made when the data is loaded, so that it holds
 * what scoring needs beyond the split (translation: the references and the detokeniser; text8: each window's place
 * in the whole split), typed, with no cast.
 */
@FunctionalInterface
public interface TestScoring {

    /**
     * Scores a model on a test split, or on a prefix of it (the suite's estimator times the first batch).
     *
     * @param model the trained model
     * @param test the loaded test split, or its first records in order
     * @return the test score
     */
    TestScore score(Model model, RandomAccessDataset test);

    /**
     * Scores by a metric over every batch.
     *
     * @param metric a supplier of fresh metrics, such as the task's validation metric
     * @return the scoring
     */
    static TestScoring by(Supplier<Metric> metric) {
        return (model, test) -> {
            Metric fresh = metric.get();
            return new TestScore(fresh.name(), Evaluation.over(model, test, fresh), fresh.higherIsBetter());
        };
    }
}
