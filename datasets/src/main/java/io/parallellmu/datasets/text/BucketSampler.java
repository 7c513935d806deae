package io.parallellmu.datasets.text;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Length bucketing: batches of records of similar length, so that a model can cut each batch to its longest
 * record instead of the data set's fixed length.
 *
 * <p>Each epoch the indices are shuffled with a seeded generator, cut into pools of {@value #POOL_BATCHES}
 * batches, each pool sorted by length (ties by index) and cut into batches, and the batch order shuffled.
 * Without shuffling, all indices are sorted by length. The same seed gives the same epochs.
 */
public final class BucketSampler implements Sampler {

    /** How many batches one sorting pool holds. */
    public static final int POOL_BATCHES = 50;

    private final int[] lengths;
    private final int batchSize;
    private final boolean shuffle;
    private final Random random;

    /**
     * Creates a sampler.
     *
     * @param lengths each record's length, indexed like the data set
     * @param batchSize the batch size, at least 1
     * @param shuffle whether to shuffle (training) or go in length order (evaluation)
     * @param seed the seed of the shuffles
     */
    public BucketSampler(int[] lengths, int batchSize, boolean shuffle, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        this.lengths = lengths.clone();
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.random = new Random(seed);
    }

    /** {@inheritDoc} */
    @Override
    public Iterator<List<Long>> sample(RandomAccessDataset dataset) {
        int n = (int) Math.min(dataset.size(), lengths.length);
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Comparator<Integer> byLength = Comparator.<Integer>comparingInt(i -> lengths[i]).thenComparingInt(i -> i);
        int pool = shuffle ? batchSize * POOL_BATCHES : Math.max(n, 1);
        if (shuffle) {
            Collections.shuffle(order, random);
        }
        List<List<Long>> batches = new ArrayList<>();
        for (int start = 0; start < n; start += pool) {
            List<Integer> chunk = new ArrayList<>(order.subList(start, Math.min(n, start + pool)));
            chunk.sort(byLength);
            for (int b = 0; b < chunk.size(); b += batchSize) {
                List<Long> batch = new ArrayList<>();
                for (int i : chunk.subList(b, Math.min(chunk.size(), b + batchSize))) {
                    batch.add((long) i);
                }
                batches.add(batch);
            }
        }
        if (shuffle) {
            Collections.shuffle(batches, random);
        }
        return batches.iterator();
    }

    /** {@inheritDoc} */
    @Override
    public int getBatchSize() {
        return batchSize;
    }
}
