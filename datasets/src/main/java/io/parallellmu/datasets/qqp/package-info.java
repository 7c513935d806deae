/**
 * Quora Question Pairs: GLUE's TSV files ({@link io.parallellmu.datasets.qqp.GlueQqp}), the data set
 * ({@link io.parallellmu.datasets.qqp.QqpDataset}), and the synthetic stand-in
 * ({@link io.parallellmu.datasets.qqp.QqpSyntheticStandIn}).
 */
package io.parallellmu.datasets.qqp;
