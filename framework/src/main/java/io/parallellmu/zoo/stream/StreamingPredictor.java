package io.parallellmu.zoo.stream;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import io.parallellmu.models.PairClassifier;
import io.parallellmu.models.SequenceEncoder;
import io.parallellmu.models.SequenceModel;
import io.parallellmu.models.TokenEmbedding;
import io.parallellmu.nn.LmuLayer;

/**
 * Runs a parallel-trained sequence LMU model as an RNN, one step at a time — the paper's point that the same
 * weights serve both forms. Each {@link #step} feeds x_t through every layer's {@link LmuLayer#step} (eqs. 18–20,
 * with the memory advanced by eq. 19) and the model's head, and returns the output the parallel model gives for
 * the sequence so far: for a per-step model, its output at t; for a summary model (such as psMNIST), its output
 * for the prefix x_1..x_t, which after the last step is the parallel model's prediction.
 *
 * <p>The memory state is kept in float64: over 784 steps of an order-128 memory, a float32 recurrence drifts about
 * 3e-5 from a float64 reference, while the parallel model's eq. 25 matmul stays within 5e-6 of it; with a float64
 * state the two forms agree within 1e-5. Everything else runs in the model's float32.
 *
 * <p>Works for any {@link SequenceModel} whose encoder is a stack of {@link LmuLayer}s and does not average over
 * time (batch size 1). Not thread-safe; {@link #close} frees the state.
 */
public final class StreamingPredictor implements AutoCloseable {

    private final StreamingEncoder encoder;
    private final Linear head;

    private StreamingPredictor(StreamingEncoder encoder, Linear head) {
        this.encoder = encoder;
        this.head = head;
    }

    /**
     * Creates a streaming predictor over a loaded model (for example a zoo model).
     *
     * @param model the model; its block must be a {@link SequenceModel} over {@link LmuLayer}s
     * @return the predictor, with zero state
     * @throws IllegalArgumentException if the block cannot be streamed, saying why
     */
    public static StreamingPredictor of(Model model) {
        return of(model.getBlock(), model.getNDManager());
    }

    /**
     * Creates a streaming predictor over an initialised block.
     *
     * @param block a {@link SequenceModel} over {@link LmuLayer}s
     * @param manager the manager whose device and lifetime the state follows
     * @return the predictor, with zero state
     * @throws IllegalArgumentException if the block cannot be streamed, saying why
     */
    public static StreamingPredictor of(Block block, NDManager manager) {
        if (!(block instanceof SequenceModel)) {
            throw new IllegalArgumentException("streaming needs a SequenceModel (sequence classification, regression"
                    + " or language model)" + (block instanceof PairClassifier ? "; stream a PairClassifier with"
                    + " PairStreamingPredictor" : "") + ", got " + (block == null ? "no block"
                    : block.getClass().getSimpleName()));
        }
        TokenEmbedding embedding = null;
        SequenceEncoder encoder = null;
        Linear head = null;
        for (Block child : block.getChildren().values()) {
            if (child instanceof TokenEmbedding e) {
                embedding = e;
            } else if (child instanceof SequenceEncoder e) {
                encoder = e;
            } else if (child instanceof Linear l) {
                head = l;
            }
        }
        if (encoder == null || head == null) {
            throw new IllegalArgumentException("the SequenceModel lacks its encoder or head");
        }
        return new StreamingPredictor(StreamingEncoder.of(embedding, encoder, manager), head);
    }

    /**
     * Feeds one real-valued input step.
     *
     * @param x the features x_t
     * @return the model's output after this step (logits or regression outputs)
     * @throws IllegalArgumentException if the model takes tokens, or the feature count differs from the first
     *     step's
     */
    public float[] step(float... x) {
        try (NDManager scope = encoder.manager().newSubManager()) {
            return output(encoder.step(scope, x));
        }
    }

    /**
     * Feeds one token.
     *
     * @param id the token id x_t
     * @return the model's output after this step
     * @throws IllegalArgumentException if the model takes real-valued inputs
     */
    public float[] stepToken(long id) {
        try (NDManager scope = encoder.manager().newSubManager()) {
            return output(encoder.stepToken(scope, id));
        }
    }

    private float[] output(NDArray encoded) {
        return head.forward(encoder.parameters(), new NDList(encoded), false).head().toFloatArray(); // (1, O)
    }

    /** Forgets the sequence: every memory state back to zero. */
    public void reset() {
        encoder.reset();
    }

    /**
     * Returns how many steps were fed since the last reset.
     *
     * @return the step count
     */
    public int steps() {
        return encoder.steps();
    }

    /** Frees the state. */
    @Override
    public void close() {
        encoder.close();
    }
}
