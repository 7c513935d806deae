/**
 * Text utilities shared by the text tasks: strict UTF-8 reading ({@link io.parallellmu.datasets.text.Utf8Text}),
 * the documented word tokeniser (which lives in the framework, {@link io.parallellmu.text.WordTokenizer}, so that the
 * zoo translators tokenise as training did), vocabularies with
 * {@code <pad>}=0, {@code <unk>}, {@code <bos>}, {@code <eos>} that models save with themselves
 * ({@link io.parallellmu.datasets.text.TextVocabulary}), padding to a fixed length with a lengths tensor
 * ({@link io.parallellmu.datasets.text.PaddedSequences}), length bucketing
 * ({@link io.parallellmu.datasets.text.BucketSampler}), and the frame of the text data sets and their cached
 * stand-ins ({@link io.parallellmu.datasets.text.TextTaskDataset},
 * {@link io.parallellmu.datasets.text.CachedStandIn}).
 */
package io.parallellmu.datasets.text;
