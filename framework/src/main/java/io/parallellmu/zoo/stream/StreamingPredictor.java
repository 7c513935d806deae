package io.parallellmu.zoo.stream;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import io.parallellmu.models.Pooling;
import io.parallellmu.models.SequenceEncoder;
import io.parallellmu.models.SequenceModel;
import io.parallellmu.models.TokenEmbedding;
import io.parallellmu.nn.LmuLayer;
import java.util.ArrayList;
import java.util.List;

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

    private final TokenEmbedding embedding;
    private final List<LmuLayer> layers;
    private final Linear head;
    private final NDManager manager;
    private final ParameterStore parameters;
    private final List<NDArray> states = new ArrayList<>();
    private long features = -1;
    private int steps;

    private StreamingPredictor(TokenEmbedding embedding, List<LmuLayer> layers, Linear head, NDManager parent) {
        this.embedding = embedding;
        this.layers = layers;
        this.head = head;
        this.manager = parent.newSubManager();
        this.parameters = new ParameterStore(manager, false);
        reset();
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
                    + " or language model), got " + (block == null ? "no block" : block.getClass().getSimpleName()));
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
        if (encoder.getPooling() == Pooling.MEAN) {
            throw new IllegalArgumentException("the encoder averages over time (a bidirectional or transformer"
                    + " encoder), which cannot run step by step");
        }
        List<LmuLayer> layers = new ArrayList<>();
        for (Block stack : encoder.getChildren().values()) {
            List<Block> members = stack instanceof SequentialBlock ? stack.getChildren().values() : List.of(stack);
            for (Block member : members) {
                if (!(member instanceof LmuLayer layer)) {
                    throw new IllegalArgumentException("streaming needs a stack of LmuLayers (the parallel LMU"
                            + " family), found " + member.getClass().getSimpleName());
                }
                layers.add(layer);
            }
        }
        return new StreamingPredictor(embedding, layers, head, manager);
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
        if (embedding != null) {
            throw new IllegalArgumentException("this model reads token ids: use stepToken");
        }
        if (features >= 0 && x.length != features) {
            throw new IllegalArgumentException("each step needs " + features + " features, as the first had; got "
                    + x.length);
        }
        features = x.length;
        try (NDManager scope = manager.newSubManager()) {
            return advance(scope.create(x).reshape(1, x.length)); // (1, F)
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
        if (embedding == null) {
            throw new IllegalArgumentException("this model reads real-valued features: use step");
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray ids = scope.create(new long[] {id}).reshape(1, 1); // (1, 1)
            NDArray vector = embedding.forward(parameters, new NDList(ids), false).head(); // (1, 1, E)
            return advance(vector.reshape(1, -1)); // (1, E)
        }
    }

    private float[] advance(NDArray input) {
        NDArray x = input; // (1, F)
        for (int i = 0; i < layers.size(); i++) {
            NDList out = layers.get(i).step(parameters, states.get(i), x); // [o_t (1, H), m_t (1, C·d)]
            NDArray next = out.get(1);
            next.attach(manager);
            states.get(i).close();
            states.set(i, next);
            x = out.get(0);
        }
        steps++;
        return head.forward(parameters, new NDList(x), false).head().toFloatArray(); // (1, O)
    }

    /** Forgets the sequence: every memory state back to zero. */
    public void reset() {
        states.forEach(NDArray::close);
        states.clear();
        NDArray like = manager.zeros(new Shape(1), DataType.FLOAT64);
        for (LmuLayer layer : layers) {
            NDArray state = layer.initialState(like, 1); // (1, C·d)
            state.attach(manager);
            states.add(state);
        }
        like.close();
        steps = 0;
    }

    /**
     * Returns how many steps were fed since the last reset.
     *
     * @return the step count
     */
    public int steps() {
        return steps;
    }

    /** Frees the state. */
    @Override
    public void close() {
        manager.close();
    }
}
