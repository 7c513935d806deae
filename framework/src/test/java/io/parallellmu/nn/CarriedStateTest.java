package io.parallellmu.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A state carried across windows, block by block: two windows of L steps, the second started from the state the
 * first left, equal one forward over the 2L steps, in every mode (float32, to 1e-5; the outputs are of order 1).
 */
class CarriedStateTest {

    private static final long BATCH = 3;
    private static final int LENGTH = 7;
    private static final float TOLERANCE = 1e-5f;

    @ParameterizedTest
    @EnumSource(value = MemoryMode.class, names = {"FFT", "RAW", "RECURRENT"})
    void legendreMemoryCarriesItsState(MemoryMode mode) {
        try (NDManager manager = NDManager.newBaseManager()) {
            LegendreMemory memory = LegendreMemory.builder().setOrder(5).setTheta(9).optMemoryD(2).optMode(mode).build();
            NDArray u = manager.randomNormal(new Shape(BATCH, 2L * LENGTH, 2));
            ParameterStore store = initialised(memory, u);
            NDArray whole = memory.forward(store, new NDList(u), false).head(); // (B, 2L, C·d)
            NDList first = memory.forwardFrom(store, u.get(":, :{}", LENGTH), null, false);
            NDList second = memory.forwardFrom(store, u.get(":, {}:", LENGTH), first.get(1), false);
            assertClose(whole, first.head().concat(second.head(), 1), "memory states");
            assertClose(whole.get(":, -1"), second.get(1), "final state");
            assertClose(first.head().get(":, -1"), first.get(1), "first window's final state");
        }
    }

    /** eq. 25's single matmul computes only the final state; from a carried state it adds Ā^L m_{−1}. */
    @ParameterizedTest
    @EnumSource(value = MemoryMode.class, names = {"MATMUL", "RECURRENT", "FFT"})
    void legendreMemoryFinalStateFromACarriedState(MemoryMode mode) {
        try (NDManager manager = NDManager.newBaseManager()) {
            LegendreMemory finals =
                    LegendreMemory.builder().setOrder(5).setTheta(9).optMode(mode).optReturnSequences(false).build();
            LegendreMemory sequences = LegendreMemory.builder().setOrder(5).setTheta(9).optMode(MemoryMode.RECURRENT).build();
            NDArray u = manager.randomNormal(new Shape(BATCH, 2L * LENGTH, 1));
            finals.initialize(manager, DataType.FLOAT32, u.getShape());
            sequences.initialize(manager, DataType.FLOAT32, u.getShape());
            ParameterStore store = new ParameterStore(manager, false);
            NDArray whole = sequences.forward(store, new NDList(u), false).head(); // (B, 2L, d)
            NDArray carried = finals.forwardFrom(store, u.get(":, {}:", LENGTH), whole.get(":, {}", LENGTH - 1), false).head();
            assertClose(whole.get(":, -1"), carried, "final state");
        }
    }

    /** Hidden 4 is below C·d = 10, where a whole-sequence forward folds W_m into H; the carried one does not. */
    @ParameterizedTest
    @EnumSource(value = MemoryMode.class, names = {"FFT", "RAW", "RECURRENT"})
    void lmuLayerCarriesItsMemory(MemoryMode mode) {
        LmuLayer layer = LmuLayer.builder().setOrder(5).setTheta(9).setHiddenSize(4).optMemoryD(2).optMode(mode).build();
        assertWindowsEqualWhole(layer, 3);
    }

    @ParameterizedTest
    @EnumSource(value = MemoryMode.class, names = {"FFT", "RAW", "RECURRENT"})
    void diagonalSsmCarriesItsState(MemoryMode mode) {
        assertWindowsEqualWhole(DiagonalSsm.builder().setStateSize(6).optMode(mode).optDtRange(0.05, 0.5).build(), 4);
    }

    @ParameterizedTest
    @EnumSource(value = MemoryMode.class, names = {"MATMUL", "RECURRENT"})
    void diagonalSsmLastOutputAndStateFromACarriedState(MemoryMode mode) {
        try (NDManager manager = NDManager.newBaseManager()) {
            DiagonalSsm sequences = DiagonalSsm.builder().setStateSize(6).optMode(MemoryMode.RECURRENT)
                    .optDtRange(0.05, 0.5).build();
            NDArray u = manager.randomNormal(new Shape(BATCH, 2L * LENGTH, 4));
            sequences.initialize(manager, DataType.FLOAT32, u.getShape());
            DiagonalSsm finals = DiagonalSsm.builder().setStateSize(6).optMode(mode).optReturnSequences(false).build();
            finals.initialize(manager, DataType.FLOAT32, u.getShape());
            finals.getParameters().forEach(p -> p.getValue().getArray().set(
                    sequences.getParameters().get(p.getKey()).getArray().toFloatArray()));
            ParameterStore store = new ParameterStore(manager, false);
            NDList whole = sequences.forwardFrom(store, u, null, false);
            NDList first = sequences.forwardFrom(store, u.get(":, :{}", LENGTH), null, false);
            NDList last = finals.forwardFrom(store, u.get(":, {}:", LENGTH), first.get(1), false);
            assertClose(whole.head().get(":, -1"), last.head(), "last output");
            assertClose(whole.get(1), last.get(1), "last state");
        }
    }

    @ParameterizedTest
    @EnumSource(value = MemoryMode.class, names = {"FFT", "RECURRENT"})
    void aRowKeptAtZeroStartsAfresh(MemoryMode mode) {
        try (NDManager manager = NDManager.newBaseManager()) {
            LmuLayer layer = LmuLayer.builder().setOrder(5).setTheta(9).setHiddenSize(4).optMode(mode).build();
            NDArray x = manager.randomNormal(new Shape(BATCH, 2L * LENGTH, 3));
            ParameterStore store = initialised(layer, x);
            NDArray secondAlone = layer.forward(store, new NDList(x.get(":, {}:", LENGTH)), false).head();
            NDArray whole = layer.forward(store, new NDList(x), false).head().get(":, {}:", LENGTH);
            CarriedStates states = CarriedStates.zero(manager);
            states.during(() -> layer.forward(store, new NDList(x.get(":, :{}", LENGTH)), false));
            CarriedStates next = states.next(manager.create(new float[] {1, 0}));
            NDArray second = next.during(() -> layer.forward(store, new NDList(x.get(":2, {}:", LENGTH)), false)).head();
            assertClose(whole.get(":1"), second.get(":1"), "kept row");
            assertClose(secondAlone.get("1:2"), second.get("1:2"), "reset row");
            assertEquals(new Shape(2, 5), next.afterStates().get(0).head().getShape(), "the rows past keep are dropped");
            assertTrue(whole.get("1:2").sub(second.get("1:2")).abs().max().getFloat() > 1e-3f,
                    "the reset row differs from the carried one");
            next.close();
        }
    }

    @Test
    void statesCannotBeActiveTwiceOnOneThread() {
        try (NDManager manager = NDManager.newBaseManager(); CarriedStates states = CarriedStates.zero(manager)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> states.during(() -> states.during(() -> 0)));
            assertTrue(e.getMessage().contains("already active"), e.getMessage());
            assertTrue(CarriedStates.active().isEmpty(), "nothing stays active after a failure");
        }
    }

    /** Two windows through {@link CarriedStates} equal the whole sequence's forward, and the states differ from zero. */
    private static void assertWindowsEqualWhole(Block block, long features) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomNormal(new Shape(BATCH, 2L * LENGTH, features));
            ParameterStore store = initialised(block, x);
            NDArray whole = block.forward(store, new NDList(x), false).head();
            CarriedStates states = CarriedStates.zero(manager);
            NDArray first = states.during(() -> block.forward(store, new NDList(x.get(":, :{}", LENGTH)), false)).head();
            assertEquals(1, states.afterStates().size(), "one state recorded");
            CarriedStates next = states.next(manager.ones(new Shape(BATCH)));
            NDArray second = next.during(() -> block.forward(store, new NDList(x.get(":, {}:", LENGTH)), false)).head();
            assertClose(whole, first.concat(second, 1), block.getClass().getSimpleName());
            NDArray fresh = block.forward(store, new NDList(x.get(":, {}:", LENGTH)), false).head();
            assertTrue(fresh.sub(second).abs().max().getFloat() > 1e-3f, "the carried state changes the second window");
            next.close();
        }
    }

    /** Initialises a block for inputs like {@code x}, in float32, and returns an inference parameter store. */
    private static ParameterStore initialised(Block block, NDArray x) {
        block.initialize(x.getManager(), DataType.FLOAT32, x.getShape());
        return new ParameterStore(x.getManager(), false);
    }

    private static void assertClose(NDArray expected, NDArray actual, String what) {
        assertEquals(expected.getShape(), actual.getShape(), what + ": shape");
        float error = expected.sub(actual).abs().max().getFloat();
        assertTrue(error <= TOLERANCE, what + ": max |error| " + error + " > " + TOLERANCE);
    }
}
