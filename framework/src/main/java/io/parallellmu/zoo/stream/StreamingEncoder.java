package io.parallellmu.zoo.stream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import io.parallellmu.models.Pooling;
import io.parallellmu.models.SequenceEncoder;
import io.parallellmu.models.TokenEmbedding;
import io.parallellmu.nn.LmuLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's (optional) token embedding and LMU stack run as an RNN: each step feeds x_t through every layer's
 * {@link LmuLayer#step} (eqs. 18–20, the memory advanced by eq. 19) and gives the last layer's output o_t, which is
 * what the parallel encoder gives at t (its last valid step's output, when it pools to one vector). The memory
 * state is kept in float64 (see {@link StreamingPredictor}). Not thread-safe; {@link #close} frees the state.
 */
final class StreamingEncoder implements AutoCloseable {

    private final TokenEmbedding embedding;
    private final List<LmuLayer> layers;
    private final NDManager manager;
    private final ParameterStore parameters;
    private final List<NDArray> states = new ArrayList<>();
    private long features = -1;
    private int steps;

    private StreamingEncoder(TokenEmbedding embedding, List<LmuLayer> layers, NDManager parent) {
        this.embedding = embedding;
        this.layers = layers;
        this.manager = parent.newSubManager();
        this.parameters = new ParameterStore(manager, false);
        reset();
    }

    /**
     * Creates the encoder over a model's trained blocks.
     *
     * @param embedding the token embedding, or {@code null} for real-valued inputs
     * @param encoder the sequence encoder: a stack of {@link LmuLayer}s that does not average over time
     * @param manager the manager whose device and lifetime the state follows
     * @return the encoder, with zero state
     * @throws IllegalArgumentException if the encoder cannot be streamed, saying why
     */
    static StreamingEncoder of(TokenEmbedding embedding, SequenceEncoder encoder, NDManager manager) {
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
        return new StreamingEncoder(embedding, layers, manager);
    }

    /**
     * Returns the manager the state lives in, under which callers open their per-step scopes.
     *
     * @return the manager
     */
    NDManager manager() {
        return manager;
    }

    /**
     * Returns the parameter store the steps read the weights through.
     *
     * @return the store
     */
    ParameterStore parameters() {
        return parameters;
    }

    /**
     * Feeds one real-valued input step.
     *
     * @param scope where the output lives
     * @param x the features x_t
     * @return o_t, (1, H)
     * @throws IllegalArgumentException if the model takes tokens, or the feature count differs from the first
     *     step's
     */
    NDArray step(NDManager scope, float... x) {
        if (embedding != null) {
            throw new IllegalArgumentException("this model reads token ids: use stepToken");
        }
        if (features >= 0 && x.length != features) {
            throw new IllegalArgumentException("each step needs " + features + " features, as the first had; got "
                    + x.length);
        }
        features = x.length;
        return advance(scope.create(x).reshape(1, x.length)); // (1, F)
    }

    /**
     * Feeds one token.
     *
     * @param scope where the output lives
     * @param id the token id x_t
     * @return o_t, (1, H)
     * @throws IllegalArgumentException if the model takes real-valued inputs
     */
    NDArray stepToken(NDManager scope, long id) {
        if (embedding == null) {
            throw new IllegalArgumentException("this model reads real-valued features: use step");
        }
        NDArray ids = scope.create(new long[] {id}).reshape(1, 1); // (1, 1)
        NDArray vector = embedding.forward(parameters, new NDList(ids), false).head(); // (1, 1, E)
        return advance(vector.reshape(1, -1)); // (1, E)
    }

    private NDArray advance(NDArray input) {
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
        return x; // (1, H)
    }

    /** Forgets the sequence: every memory state back to zero. */
    void reset() {
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
    int steps() {
        return steps;
    }

    /** Frees the state. */
    @Override
    public void close() {
        manager.close();
    }
}
