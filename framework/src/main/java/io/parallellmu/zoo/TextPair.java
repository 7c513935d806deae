package io.parallellmu.zoo;

/**
 * The input of a sentence-pair classifier: two texts whose relation is classified, in the order the model was
 * trained on. For QQP: the two questions (duplicate or not); for SNLI: the premise, then the hypothesis
 * (entailment, neutral or contradiction).
 *
 * @param first the first text (question 1, or the premise)
 * @param second the second text (question 2, or the hypothesis)
 */
public record TextPair(String first, String second) {}
