package io.parallellmu.benchmarks.tasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Takes a seeded random subset of a prepared split as a new stacked {@link ArrayDataset}. A plain record limit
 * would take the first records, and several splits are ordered by class (aclImdb lists neg before pos), so a
 * prefix could hold one class only. The chosen records keep their original order.
 */
public final class Subsets {

    /** The seed of every subset choice, so that all families of a task see the same records. */
    public static final long SEED = 20210701L;

    private Subsets() {}

    /**
     * A subset and the indices of its records in the full split.
     *
     * @param dataset the subset, with the profile's sampling
     * @param indices the chosen records' indices in the full split, ascending
     */
    public record Subset(RandomAccessDataset dataset, long[] indices) {}

    /**
     * Chooses at most {@code limit} records of a split, at random but in their original order.
     *
     * @param split the prepared split
     * @param limit the most records to keep; 0 for all
     * @param batchSize the subset's batch size
     * @param shuffle whether the subset's batches are shuffled (training)
     * @param manager the manager that owns the subset's tensors
     * @param transform applied to the stacked data arrays, such as psMNIST's pooling
     * @return the subset
     * @throws IOException if reading the split fails
     */
    public static Subset take(RandomAccessDataset split, int limit, int batchSize, boolean shuffle, NDManager manager,
            UnaryOperator<NDList> transform) throws IOException {
        long size = split.size();
        List<Long> order = new ArrayList<>();
        for (long i = 0; i < size; i++) {
            order.add(i);
        }
        if (limit > 0 && limit < size) {
            Collections.shuffle(order, new Random(SEED));
            order = new ArrayList<>(order.subList(0, limit));
            Collections.sort(order);
        }
        NDList data;
        NDList labels;
        try {
            Iterator<Batch> batches = split.getData(manager, new FixedIndices(order)).iterator();
            try (Batch all = batches.next()) {
                data = copy(transform.apply(all.getData()), manager);
                labels = copy(all.getLabels(), manager);
            }
        } catch (TranslateException e) {
            throw new IOException("could not take a subset of the split: " + e.getMessage(), e);
        }
        ArrayDataset subset = new ArrayDataset.Builder()
                .setData(data.toArray(new NDArray[0]))
                .optLabels(labels.toArray(new NDArray[0]))
                .setSampling(batchSize, shuffle)
                .build();
        return new Subset(subset, order.stream().mapToLong(Long::longValue).toArray());
    }

    /** Copies the arrays out of a batch, whose manager is closed with it. */
    private static NDList copy(NDList arrays, NDManager manager) {
        NDList out = new NDList();
        for (NDArray array : arrays) {
            NDArray kept = array.duplicate();
            kept.attach(manager);
            out.add(kept);
        }
        return out;
    }

    /** One batch holding the given indices, in order. */
    private record FixedIndices(List<Long> indices) implements Sampler {

        @Override
        public Iterator<List<Long>> sample(RandomAccessDataset dataset) {
            return List.of(indices).iterator();
        }

        @Override
        public int getBatchSize() {
            return indices.size();
        }
    }
}
