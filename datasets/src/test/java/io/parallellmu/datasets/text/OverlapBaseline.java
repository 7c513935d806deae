package io.parallellmu.datasets.text;

import io.parallellmu.text.WordTokenizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The bag-of-words overlap baseline: the Jaccard overlap of the two sentences' word sets, with the thresholds
 * and class order that do best on the training pairs, applied to the test pairs. Two classes use one
 * threshold, three classes two.
 */
public final class OverlapBaseline {

    private static final int[][] PERMUTATIONS = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};

    private OverlapBaseline() {}

    /**
     * Fits on training pairs and returns the accuracy on test pairs.
     *
     * @param train the training pairs
     * @param test the test pairs
     * @param classes 2 or 3
     * @return the test accuracy
     */
    public static double accuracy(List<SentencePair> train, List<SentencePair> test, int classes) {
        double[] x = overlaps(train);
        double[] cuts = Arrays.stream(x).distinct().sorted().toArray();
        // below[b][c]: training pairs of class c with overlap <= cuts[b]
        long[][] below = new long[cuts.length][classes];
        for (int i = 0; i < x.length; i++) {
            below[Arrays.binarySearch(cuts, x[i])][train.get(i).label()]++;
        }
        for (int b = 1; b < cuts.length; b++) {
            for (int c = 0; c < classes; c++) {
                below[b][c] += below[b - 1][c];
            }
        }
        long[] total = below[cuts.length - 1];
        int[][] orders = classes == 2 ? new int[][] {{0, 1, 1}, {1, 0, 0}} : PERMUTATIONS;
        long best = -1;
        double[] rule = null;
        for (int i = 0; i < cuts.length; i++) {
            for (int j = i; j < (classes == 2 ? i + 1 : cuts.length); j++) {
                for (int[] o : orders) {
                    long right = below[i][o[0]] + below[j][o[1]] - below[i][o[1]] + total[o[2]] - below[j][o[2]];
                    if (right > best) {
                        best = right;
                        rule = new double[] {cuts[i], cuts[j], o[0], o[1], o[2]};
                    }
                }
            }
        }
        double[] y = overlaps(test);
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            int predicted = (int) (y[i] <= rule[0] ? rule[2] : y[i] <= rule[1] ? rule[3] : rule[4]);
            right += predicted == test.get(i).label() ? 1 : 0;
        }
        return right / (double) y.length;
    }

    private static double[] overlaps(List<SentencePair> pairs) {
        WordTokenizer tokenizer = new WordTokenizer(true);
        double[] x = new double[pairs.size()];
        for (int i = 0; i < x.length; i++) {
            Set<String> a = new HashSet<>(tokenizer.tokenize(pairs.get(i).first()));
            Set<String> b = new HashSet<>(tokenizer.tokenize(pairs.get(i).second()));
            Set<String> union = new HashSet<>(a);
            union.addAll(b);
            a.retainAll(b);
            x[i] = a.size() / (double) union.size();
        }
        return x;
    }
}
