package io.parallellmu.datasets.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BucketSamplerTest {

    private static final int N = 1_003;

    private static int[] lengths() {
        Random random = new Random(1);
        int[] lengths = new int[N];
        for (int i = 0; i < N; i++) {
            lengths[i] = 1 + random.nextInt(200);
        }
        return lengths;
    }

    private static List<List<Long>> epoch(BucketSampler sampler) {
        try (NDManager manager = NDManager.newBaseManager()) {
            ArrayDataset dataset =
                    new ArrayDataset.Builder().setData(manager.zeros(new ai.djl.ndarray.types.Shape(N))).setSampling(1, false).build();
            List<List<Long>> batches = new ArrayList<>();
            sampler.sample(dataset).forEachRemaining(batches::add);
            return batches;
        }
    }

    @Test
    void everyRecordOnceAndBatchesOfSimilarLength() {
        int[] lengths = lengths();
        List<List<Long>> batches = epoch(new BucketSampler(lengths, 16, true, 7));
        Set<Long> seen = new HashSet<>();
        double spread = 0;
        for (List<Long> batch : batches) {
            assertTrue(batch.size() <= 16);
            for (long i : batch) {
                assertTrue(seen.add(i), "index " + i + " twice");
            }
            int min = batch.stream().mapToInt(i -> lengths[i.intValue()]).min().orElseThrow();
            int max = batch.stream().mapToInt(i -> lengths[i.intValue()]).max().orElseThrow();
            spread += max - min;
        }
        assertEquals(N, seen.size());
        // Random batches of 16 from lengths 1..200 spread about 175; pools of 800 sorted spread about 4.
        assertTrue(spread / batches.size() < 20, "mean spread " + spread / batches.size());
    }

    @Test
    void sameSeedSameEpochsAndEpochsDiffer() {
        int[] lengths = lengths();
        BucketSampler a = new BucketSampler(lengths, 16, true, 7);
        BucketSampler b = new BucketSampler(lengths, 16, true, 7);
        List<List<Long>> first = epoch(a);
        assertEquals(first, epoch(b));
        assertNotEquals(first, epoch(a));
    }

    @Test
    void withoutShufflingGoesInLengthOrder() {
        int[] lengths = lengths();
        List<List<Long>> batches = epoch(new BucketSampler(lengths, 100, false, 0));
        int previous = 0;
        for (List<Long> batch : batches) {
            for (long i : batch) {
                assertTrue(lengths[(int) i] >= previous);
                previous = lengths[(int) i];
            }
        }
    }
}
