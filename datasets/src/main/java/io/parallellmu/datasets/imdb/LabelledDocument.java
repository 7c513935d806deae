package io.parallellmu.datasets.imdb;

/**
 * A document with a binary label.
 *
 * @param name where it came from, such as {@code train/pos/0_9.txt}
 * @param text the document's text
 * @param label 1 for positive (IMDB) or spam (stand-in), 0 for negative or ham
 */
public record LabelledDocument(String name, String text, int label) {}
