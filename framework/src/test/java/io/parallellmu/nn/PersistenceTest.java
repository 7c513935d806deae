package io.parallellmu.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every block saves to DJL parameters and loads back into a freshly built block with equal outputs. */
class PersistenceTest {

    private static void assertRoundTrip(Supplier<Block> factory, Shape inputShape) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            Block saved = factory.get();
            saved.initialize(manager, DataType.FLOAT32, inputShape);
            byte[] bytes = LegendreMemoryPropertiesTest.save(saved);
            Block loaded = factory.get();
            loaded.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes)));
            NDArray x = manager.randomNormal(inputShape);
            ParameterStore store = new ParameterStore(manager, false);
            float[] expected = saved.forward(store, new NDList(x), false).head().toFloatArray();
            float[] actual = loaded.forward(store, new NDList(x), false).head().toFloatArray();
            // AUTO may time FFT and RAW differently in each block: equal up to float32 rounding
            assertArrayEquals(expected, actual, 1e-6f);
        }
    }

    @Test
    void lmuLayerRoundTrips() throws Exception {
        assertRoundTrip(
                () -> LmuLayer.builder().setOrder(4).setTheta(6).setHiddenSize(3).optMemoryD(2).build(),
                new Shape(2, 7, 3));
    }

    @Test
    void originalLmuRoundTrips() throws Exception {
        assertRoundTrip(
                () -> OriginalLmu.builder().setOrder(4).setTheta(6).setHiddenSize(3).build(), new Shape(2, 7, 3));
    }

    @Test
    void legendreMemoryRoundTrips() throws Exception {
        assertRoundTrip(() -> LegendreMemory.builder().setOrder(4).setTheta(6).build(), new Shape(2, 7, 1));
    }

    @Test
    void diagonalSsmRoundTrips() throws Exception {
        assertRoundTrip(() -> DiagonalSsm.builder().setStateSize(6).build(), new Shape(2, 7, 3));
    }

    @Test
    void lmuLayerRejectsParametersOfAnotherHiddenSize() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            LmuLayer saved = LmuLayer.builder().setOrder(4).setTheta(6).setHiddenSize(3).build();
            saved.initialize(manager, DataType.FLOAT32, new Shape(2, 7, 1));
            byte[] bytes = LegendreMemoryPropertiesTest.save(saved);
            LmuLayer other = LmuLayer.builder().setOrder(4).setTheta(6).setHiddenSize(5).build();
            MalformedModelException e =
                    assertThrows(
                            MalformedModelException.class,
                            () -> other.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes))));
            assertTrue(e.getMessage().contains("saved with hidden size 3"), e.getMessage());
        }
    }
}
