package io.parallellmu.zoo.stream;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import io.parallellmu.models.PairClassifier;
import io.parallellmu.models.SequenceEncoder;
import io.parallellmu.models.TokenEmbedding;
import io.parallellmu.nn.LmuLayer;

/**
 * Runs a parallel-trained sentence-pair LMU classifier ({@link PairClassifier}, such as QQP's or SNLI's) as an RNN:
 * each text's tokens are fed one at a time through the shared embedding and LMU stack, each text with its own
 * memory state, and {@link #logits} classifies the two encodings u and v so far as the parallel model does,
 * [u; v; |u − v|; u ⊙ v] through its MLP. After both texts' last tokens the logits are the parallel model's.
 *
 * <p>The memory state is kept in float64, as in {@link StreamingPredictor}. Not thread-safe; {@link #close} frees
 * the state.
 */
public final class PairStreamingPredictor implements AutoCloseable {

    private final StreamingEncoder first;
    private final StreamingEncoder second;
    private final Linear hidden;
    private final Linear output;
    private NDArray u;
    private NDArray v;

    private PairStreamingPredictor(StreamingEncoder first, StreamingEncoder second, Linear hidden, Linear output) {
        this.first = first;
        this.second = second;
        this.hidden = hidden;
        this.output = output;
    }

    /**
     * Creates a streaming predictor over a loaded pair model (for example a zoo model).
     *
     * @param model the model; its block must be a {@link PairClassifier} over {@link LmuLayer}s
     * @return the predictor, with zero state
     * @throws IllegalArgumentException if the block cannot be streamed, saying why
     */
    public static PairStreamingPredictor of(Model model) {
        return of(model.getBlock(), model.getNDManager());
    }

    /**
     * Creates a streaming predictor over an initialised pair block.
     *
     * @param block a {@link PairClassifier} over {@link LmuLayer}s
     * @param manager the manager whose device and lifetime the state follows
     * @return the predictor, with zero state
     * @throws IllegalArgumentException if the block cannot be streamed, saying why
     */
    public static PairStreamingPredictor of(Block block, NDManager manager) {
        if (!(block instanceof PairClassifier)) {
            throw new IllegalArgumentException("pair streaming needs a PairClassifier, got "
                    + (block == null ? "no block" : block.getClass().getSimpleName()));
        }
        TokenEmbedding embedding = null;
        SequenceEncoder encoder = null;
        Linear hidden = null;
        Linear output = null;
        for (Pair<String, Block> child : block.getChildren()) {
            if (child.getValue() instanceof TokenEmbedding e) {
                embedding = e;
            } else if (child.getValue() instanceof SequenceEncoder e) {
                encoder = e;
            } else if (child.getValue() instanceof Linear l && child.getKey().endsWith("hidden")) {
                hidden = l;
            } else if (child.getValue() instanceof Linear l && child.getKey().endsWith("output")) {
                output = l;
            }
        }
        if (embedding == null || encoder == null || hidden == null || output == null) {
            throw new IllegalArgumentException("the PairClassifier lacks its embedding, encoder or MLP");
        }
        return new PairStreamingPredictor(StreamingEncoder.of(embedding, encoder, manager),
                StreamingEncoder.of(embedding, encoder, manager), hidden, output);
    }

    /**
     * Feeds the next token of the first text (question 1, or the premise).
     *
     * @param id the token id
     */
    public void stepFirst(long id) {
        u = advance(first, u, id);
    }

    /**
     * Feeds the next token of the second text (question 2, or the hypothesis).
     *
     * @param id the token id
     */
    public void stepSecond(long id) {
        v = advance(second, v, id);
    }

    private static NDArray advance(StreamingEncoder encoder, NDArray previous, long id) {
        try (NDManager scope = encoder.manager().newSubManager()) {
            NDArray encoded = encoder.stepToken(scope, id); // (1, H)
            encoded.attach(encoder.manager());
            if (previous != null) {
                previous.close();
            }
            return encoded;
        }
    }

    /**
     * Classifies the two texts as fed so far.
     *
     * @return the logits, one per class
     * @throws IllegalStateException if a text has no token yet
     */
    public float[] logits() {
        if (u == null || v == null) {
            throw new IllegalStateException("feed at least one token of each text first (fed " + first.steps()
                    + " and " + second.steps() + ")");
        }
        try (NDManager scope = first.manager().newSubManager()) {
            NDArray a = u.duplicate();
            a.attach(scope);
            NDArray features = a.concat(v, 1).concat(a.sub(v).abs(), 1).concat(a.mul(v), 1); // (1, 4H)
            NDArray h = Activation.relu(hidden.forward(first.parameters(), new NDList(features), false).head());
            return output.forward(first.parameters(), new NDList(h), false).head().toFloatArray(); // (1, classes)
        }
    }

    /**
     * Returns how many tokens of each text were fed since the last reset.
     *
     * @return {first, second}
     */
    public int[] steps() {
        return new int[] {first.steps(), second.steps()};
    }

    /** Forgets both texts: every memory state back to zero. */
    public void reset() {
        first.reset();
        second.reset();
        for (NDArray encoded : new NDArray[] {u, v}) {
            if (encoded != null) {
                encoded.close();
            }
        }
        u = null;
        v = null;
    }

    /** Frees the state. */
    @Override
    public void close() {
        first.close();
        second.close();
    }
}
