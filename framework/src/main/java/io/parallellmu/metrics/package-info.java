/**
 * Evaluation metrics: accuracy, NRMSE, bits per character and corpus BLEU-4.
 *
 * <p>Tensor metrics implement {@link io.parallellmu.metrics.Metric}: they accumulate over batches (labels and
 * predictions laid out as described in {@link io.parallellmu.models}) and give one number per evaluated split.
 * {@link io.parallellmu.metrics.CorpusBleu} works on token lists, because BLEU needs decoded text.
 */
package io.parallellmu.metrics;
