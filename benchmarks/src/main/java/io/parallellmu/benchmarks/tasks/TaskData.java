package io.parallellmu.benchmarks.tasks;

import io.parallellmu.vocabulary.Split;
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
 * @param testContext what the task's own {@link BenchmarkTask#evaluate} needs beyond the test split (translation:
 *     the references and the detokeniser), or {@code null}
 */
public record TaskData(TaskSpec spec, RandomAccessDataset train, RandomAccessDataset validation,
        RandomAccessDataset test, DataProvenance provenance, int inputLength, TaskMetadata metadata,
        Object testContext) {

    /**
     * Loaded data that needs nothing beyond the test split for testing.
     *
     * @param spec the task's shape
     * @param train the training split
     * @param validation the validation split
     * @param test the test split
     * @param provenance where the data came from
     * @param inputLength the initialisation length
     * @param metadata the saved model's task metadata
     */
    public TaskData(TaskSpec spec, RandomAccessDataset train, RandomAccessDataset validation, RandomAccessDataset test,
            DataProvenance provenance, int inputLength, TaskMetadata metadata) {
        this(spec, train, validation, test, provenance, inputLength, metadata, null);
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
