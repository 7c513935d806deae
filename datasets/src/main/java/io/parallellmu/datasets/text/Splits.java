package io.parallellmu.datasets.text;

import io.parallellmu.vocabulary.Split;

import ai.djl.training.dataset.Dataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A data set's records in its three splits.
 *
 * @param train the training records
 * @param valid the validation records
 * @param test the test records
 * @param <T> the record type
 */
public record Splits<T>(List<T> train, List<T> valid, List<T> test) {

    /** Freezes the lists. */
    public Splits {
        train = List.copyOf(train);
        valid = List.copyOf(valid);
        test = List.copyOf(test);
    }

    /**
     * Holds out a fraction of a training list as the validation split, chosen by a seeded shuffle; the rest
     * keeps its original order.
     *
     * @param all the official training records
     * @param test the official test records
     * @param validFraction the fraction to hold out, in [0, 1)
     * @param seed the shuffle's seed
     * @param <T> the record type
     * @return the three splits
     */
    public static <T> Splits<T> holdOut(List<T> all, List<T> test, double validFraction, long seed) {
        if (!(validFraction >= 0 && validFraction < 1)) {
            throw new IllegalArgumentException("validFraction must be in [0, 1), got " + validFraction);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int validCount = (int) Math.round(all.size() * validFraction);
        boolean[] isValid = new boolean[all.size()];
        for (int i = 0; i < validCount; i++) {
            isValid[order.get(i)] = true;
        }
        List<T> train = new ArrayList<>();
        List<T> valid = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (isValid[i] ? valid : train).add(all.get(i));
        }
        return new Splits<>(train, valid, test);
    }

    /**
     * Returns the records of a DJL usage.
     *
     * @param usage TRAIN, VALIDATION or TEST
     * @return that split's records
     */
    public List<T> of(Dataset.Usage usage) {
        return switch (usage) {
            case TRAIN -> train;
            case VALIDATION -> valid;
            case TEST -> test;
        };
    }

    /**
     * Returns the split sizes for a {@link io.parallellmu.datasets.DataProvenance}.
     *
     * @return {@code train}, {@code valid} and {@code test} sizes, in that order
     */
    public Map<String, Long> sizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put(Split.TRAIN.id(), (long) train.size());
        sizes.put(Split.VALIDATION.id(), (long) valid.size());
        sizes.put(Split.TEST.id(), (long) test.size());
        return sizes;
    }
}
