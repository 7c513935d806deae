package io.parallellmu.benchmarks.tasks;

import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;

/** Applies a profile's batch size and record limits to any data-set builder. */
final class Sizing {

    private Sizing() {}

    /**
     * Sets the sampling (shuffled for training only) and the split's record limit.
     *
     * @param builder the data set's builder
     * @param usage the split
     * @param settings the profile's settings
     * @param <T> the builder's type
     * @return the builder
     */
    static <T extends RandomAccessDataset.BaseBuilder<T>> T apply(T builder, Dataset.Usage usage, TaskSettings settings) {
        builder.setSampling(settings.batchSize(), usage == Dataset.Usage.TRAIN);
        int limit = switch (usage) {
            case TRAIN -> settings.trainLimit();
            case VALIDATION -> settings.validationLimit();
            case TEST -> settings.testLimit();
        };
        return limit > 0 ? builder.optLimit(limit) : builder;
    }
}
