/**
 * Stanford Natural Language Inference: the {@code .jsonl} files ({@link io.parallellmu.datasets.snli.SnliJsonl}),
 * the data set ({@link io.parallellmu.datasets.snli.SnliDataset}), and the synthetic stand-in
 * ({@link io.parallellmu.datasets.snli.SnliSyntheticStandIn}) whose labels follow
 * {@link io.parallellmu.datasets.snli.EntailmentRules}.
 */
package io.parallellmu.datasets.snli;
