package io.parallellmu.benchmarks.tasks;

import ai.djl.ndarray.NDList;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import java.io.IOException;
import java.util.function.UnaryOperator;

/** Applies a profile's batch size and record limits to the splits of any task. */
final class Sizing {

    private Sizing() {}

    /**
     * Sets the sampling a builder needs to be built; the splits are re-sampled by {@link #subset}.
     *
     * @param builder the data set's builder
     * @param settings the profile's settings
     * @param <T> the builder's type
     * @return the builder
     */
    static <T extends RandomAccessDataset.BaseBuilder<T>> T sampled(T builder, TaskSettings settings) {
        return builder.setSampling(settings.batchSize(), false);
    }

    /**
     * Takes the split's share of records at random (see {@link Subsets}), with the profile's batch size, shuffled
     * for training only.
     *
     * @param split the prepared split
     * @param usage which split it is
     * @param settings the profile's settings
     * @param request the request, whose manager owns the subset
     * @param transform applied to the stacked data arrays
     * @return the subset
     * @throws IOException if reading the split fails
     */
    static Subsets.Subset subset(RandomAccessDataset split, Dataset.Usage usage, TaskSettings settings,
            DataRequest request, UnaryOperator<NDList> transform) throws IOException {
        int limit = switch (usage) {
            case TRAIN -> settings.trainLimit();
            case VALIDATION -> settings.validationLimit();
            case TEST -> settings.testLimit();
        };
        return Subsets.take(split, limit, settings.batchSize(), usage == Dataset.Usage.TRAIN, request.manager(),
                transform);
    }

    /**
     * Takes the split's share of records, unchanged.
     *
     * @param split the prepared split
     * @param usage which split it is
     * @param request the request
     * @return the subset's data set
     * @throws IOException if reading the split fails
     */
    static RandomAccessDataset subset(RandomAccessDataset split, Dataset.Usage usage, DataRequest request)
            throws IOException {
        return subset(split, usage, request.settings(), request, UnaryOperator.identity()).dataset();
    }
}
