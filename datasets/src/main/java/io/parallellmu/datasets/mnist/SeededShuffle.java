package io.parallellmu.datasets.mnist;

import java.util.Arrays;
import java.util.Random;

/** A Fisher-Yates shuffle of 0..n-1 over {@code java.util.Random(seed)}, identical on every platform. */
final class SeededShuffle {

    private SeededShuffle() {}

    /**
     * Returns 0..n-1 in the order a seed shuffles them.
     *
     * @param seed the seed
     * @param n the number of indices
     * @return the shuffled indices
     */
    static int[] indices(long seed, int n) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
