package io.parallellmu.benchmarks.tasks;

import io.parallellmu.vocabulary.Split;
import ai.djl.Model;
import ai.djl.training.dataset.RandomAccessDataset;
import io.parallellmu.datasets.DataProvenance;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.zoo.TaskMetadata;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task's loaded splits, at the sizes the profile asked for, with their provenance.
 *
 * @param spec the task's shape, for building models
 * @param train the training split
 * @param validation the validation split (model selection and learning curves)
 * @param test the test split (the reported metric)
 * @param provenance where the data came from, with the full split sizes
 * @param inputLength the sequence length models are initialised with
 * @param metadata what a saved model needs besides its weights: permutations, normalisation, vocabularies
 * @param testScoring how a trained model is scored on the test split
 */
public record TaskData(TaskSpec spec, RandomAccessDataset train, RandomAccessDataset validation,
        RandomAccessDataset test, DataProvenance provenance, int inputLength, TaskMetadata metadata,
        TestScoring testScoring) {

    /**
     * Scores a trained model on the test split.
     *
     * @param model the trained model
     * @return the test score
     */
    public TestScore score(Model model) {
        return testScoring.score(model, test);
    }

    /**
     * Returns the split sizes of the data set and, after them, the records actually used.
     *
     * @return for example {@code train=8000, valid=1000, test=1000, train-used=2000, valid-used=500, test-used=500}
     */
    public Map<String, Long> splitSizes() {
        Map<String, Long> sizes = new LinkedHashMap<>(provenance.splitSizes());
        sizes.put(Split.TRAIN.usedId(), train.size());
        sizes.put(Split.VALIDATION.usedId(), validation.size());
        sizes.put(Split.TEST.usedId(), test.size());
        return sizes;
    }
}
