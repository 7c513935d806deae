package io.parallellmu.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The recurrent states of a model's layers, carried from one forward pass to the next, so that a sequence cut into
 * windows is computed exactly as one forward over the whole sequence.
 *
 * <p>While {@link #during} runs a forward pass on this thread, every block that carries state ({@link LmuLayer},
 * {@link DiagonalSsm}, and DJL's LSTM through {@link io.parallellmu.nn.baselines.CarriedLstm}) starts from its state
 * {@link #before} the window instead of zero and leaves its state {@link #after} it here. A thread-scoped context
 * rather than an extra input, because DJL's {@code SequentialBlock} passes neither extra inputs nor parameters
 * to its children. {@link #next} turns the states after one window into the states before the next.
 *
 * <p>Every state array has the batch on axis 0, and lives in this object's own manager; {@link #close} frees them.
 */
public final class CarriedStates implements AutoCloseable {

    private static final ThreadLocal<CarriedStates> ACTIVE = new ThreadLocal<>();

    private final NDManager manager;
    private final Map<Block, NDList> before;
    private final Map<Block, NDList> after = new LinkedHashMap<>(); // blocks compare by identity

    private CarriedStates(NDManager manager, Map<Block, NDList> before) {
        this.manager = manager;
        this.before = before;
    }

    /**
     * Returns zero states for every block: the start of a sequence.
     *
     * @param parent the manager under which the states live
     * @return the states
     */
    public static CarriedStates zero(NDManager parent) {
        return new CarriedStates(parent.newSubManager(), Map.of());
    }

    /**
     * Returns the states active on this thread, if a forward pass runs {@link #during} some.
     *
     * @return the active states
     */
    public static Optional<CarriedStates> active() {
        return Optional.ofNullable(ACTIVE.get());
    }

    /**
     * Runs a forward pass with these states active on this thread.
     *
     * @param forward the forward pass
     * @param <T> its result type
     * @return its result
     * @throws IllegalStateException if states are already active on this thread
     */
    public <T> T during(Supplier<T> forward) {
        if (ACTIVE.get() != null) {
            throw new IllegalStateException("carried states are already active on this thread");
        }
        ACTIVE.set(this);
        try {
            return forward.get();
        } finally {
            ACTIVE.remove();
        }
    }

    /**
     * Returns a block's state before the window.
     *
     * @param block the block
     * @return its state arrays, batch first, or {@code null} for the zero state
     */
    public NDList before(Block block) {
        return before.get(block);
    }

    /**
     * Records a block's state after the window, moving its arrays into this object's manager.
     *
     * @param block the block
     * @param state its state arrays, batch first
     */
    public void after(Block block, NDList state) {
        state.attach(manager);
        after.put(block, state);
    }

    /**
     * Returns the states recorded after the window, one list per block in the order the blocks ran.
     *
     * @return the states
     */
    public List<NDList> afterStates() {
        return new ArrayList<>(after.values());
    }

    /**
     * Returns the states before the next window, and frees this object: row r of every state after this window,
     * times {@code keep[r]}, for the first n rows. A 0 in {@code keep} restarts that row from the zero state;
     * rows past n are dropped.
     *
     * @param keep (n), 1 where a row's next window follows its last one, 0 where it starts afresh; n at most the
     *     batch of this window
     * @return the states before the next window
     */
    public CarriedStates next(NDArray keep) {
        long rows = keep.getShape().get(0);
        NDManager nextManager = manager.getParentManager().newSubManager();
        Map<Block, NDList> carried = new LinkedHashMap<>();
        for (Map.Entry<Block, NDList> entry : after.entrySet()) {
            NDList state = new NDList();
            for (NDArray array : entry.getValue()) {
                Shape shape = array.getShape();
                long[] mask = new long[shape.dimension()];
                Arrays.fill(mask, 1);
                mask[0] = rows;
                NDArray weight = keep.toType(array.getDataType(), false).reshape(new Shape(mask));
                state.add(array.get("0:{}", rows).mul(weight)); // (n, ...)
            }
            state.attach(nextManager);
            carried.put(entry.getKey(), state);
        }
        close();
        return new CarriedStates(nextManager, carried);
    }

    /** Frees every state array. */
    @Override
    public void close() {
        manager.close();
    }
}
