package io.parallellmu.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * A translation model split into its encoder and decoder, so that {@link Decoding} can run the decoder
 * autoregressively: either by re-running {@link #decode} over the whole prefix at each step (O(t) per step), or,
 * for models whose decoder is recurrent ({@link #decodesStepByStep()}), by advancing a carried state one token at
 * a time with {@link #decodeStep} (O(1) per step).
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

    /**
     * Tells whether {@link #initialDecoderState} and {@link #decodeStep} are available.
     *
     * @return true when the decoder can advance one token at a time from a carried state
     */
    default boolean decodesStepByStep() {
        return false;
    }

    /**
     * Returns the decoder's state before the first target token.
     *
     * @param encoded the encoder state from {@link #encode}, of batch size B
     * @return the state arrays, each with leading dimension B, in the manager of {@code encoded}
     * @throws UnsupportedOperationException if the model does not decode step by step
     */
    default NDList initialDecoderState(NDList encoded) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " decodes over whole prefixes only");
    }

    /**
     * Advances the decoder by one token: given the state after tokens 1..t−1 and token t, returns the logits
     * for token t + 1, equal to position t of {@link #decode} over the prefix 1..t, and the state after token t.
     *
     * @param parameterStore the parameters
     * @param encoded the encoder state from {@link #encode}, with the same batch size N as the state
     * @param state the decoder state, as from {@link #initialDecoderState} or a previous step, each array (N, ...)
     * @param tokens the latest token of each hypothesis, ids (N)
     * @return {@code [logits (N, V), next state arrays ...]}
     * @throws UnsupportedOperationException if the model does not decode step by step
     */
    default NDList decodeStep(ParameterStore parameterStore, NDList encoded, NDList state, NDArray tokens) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " decodes over whole prefixes only");
    }
}
