package io.parallellmu.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * A translation model split into its encoder and decoder, so that {@link Decoding} can run the decoder
 * autoregressively.
 *
 * <p>As a {@link Block}, its training inputs are {@code [source (B, Ls) ids, sourceLengths (B), targetIn (B, Lt)
 * ids]} (optionally followed by targetLengths, which causal decoders do not need) and its output is logits
 * (B, Lt, V), computed in parallel under teacher forcing.
 */
public interface Seq2SeqModel extends Block {

    /**
     * Encodes a batch of source sentences.
     *
     * @param parameterStore the parameters
     * @param source token ids (B, Ls)
     * @param sourceLengths valid lengths (B)
     * @return the encoder state: {@code [memory (B, Ls, H), sourceLengths (B)]}
     */
    NDList encode(ParameterStore parameterStore, NDArray source, NDArray sourceLengths);

    /**
     * Runs the decoder over target prefixes.
     *
     * @param parameterStore the parameters
     * @param encoded the encoder state from {@link #encode}, with the same batch size as the prefixes
     * @param targetPrefix token ids (B, t), starting with {@code <bos>}
     * @param training whether to apply dropout
     * @return logits (B, t, V); position i predicts token i + 1
     */
    NDArray decode(ParameterStore parameterStore, NDList encoded, NDArray targetPrefix, boolean training);
}
