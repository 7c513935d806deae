package io.parallellmu.datasets.text;

/**
 * Two sentences and the class of their relation.
 *
 * @param first the first sentence (question 1, or the premise)
 * @param second the second sentence (question 2, or the hypothesis)
 * @param label the relation's class id
 */
public record SentencePair(String first, String second, int label) {}
