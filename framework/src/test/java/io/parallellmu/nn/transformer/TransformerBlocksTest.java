package io.parallellmu.nn.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransformerBlocksTest {

    private static final int D = 8;
    private NDManager manager;

    @BeforeEach
    void open() {
        Engine.getInstance().setRandomSeed(7);
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static TransformerEncoder encoder(boolean causal) {
        return TransformerEncoder.builder()
                .setModelSize(D).setHeads(2).setLayers(2).setFeedForwardSize(16).optCausal(causal).build();
    }

    private NDArray run(Block block, NDArray... inputs) {
        return block.forward(new ParameterStore(manager, false), new NDList(inputs), false).head();
    }

    @Test
    void causalEncoderOutputUpToTIgnoresInputsAfterT() {
        TransformerEncoder block = encoder(true);
        block.initialize(manager, DataType.FLOAT32, new Shape(2, 6, D));
        NDArray x = manager.randomNormal(new Shape(2, 6, D));
        NDArray changed = x.duplicate();
        changed.set(new NDIndex(":, 4:, :"), manager.randomNormal(new Shape(2, 2, D)));
        NDArray before = run(block, x);
        NDArray after = run(block, changed);
        assertEquals(new Shape(2, 6, D), before.getShape());
        assertTrue(before.get(":, :4, :").allClose(after.get(":, :4, :"), 1e-6, 1e-6, false));
        assertFalse(before.get(":, 4:, :").allClose(after.get(":, 4:, :"), 1e-3, 1e-3, false));
    }

    @Test
    void bidirectionalEncoderDoesSeeTheFuture() {
        TransformerEncoder block = encoder(false);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 5, D));
        NDArray x = manager.randomNormal(new Shape(1, 5, D));
        NDArray changed = x.duplicate();
        changed.set(new NDIndex(":, 4:, :"), manager.randomNormal(new Shape(1, 1, D)));
        assertFalse(run(block, x).get(":, :4, :").allClose(run(block, changed).get(":, :4, :"), 1e-3, 1e-3, false));
    }

    @Test
    void paddedPositionsDoNotChangeRealOutputs() {
        TransformerEncoder block = encoder(false);
        block.initialize(manager, DataType.FLOAT32, new Shape(2, 5, D), new Shape(2));
        NDArray lengths = manager.create(new long[] {3, 5});
        NDArray x = manager.randomNormal(new Shape(2, 5, D));
        NDArray changed = x.duplicate();
        changed.set(new NDIndex("0, 3:, :"), manager.randomNormal(new Shape(2, D)).mul(10));
        NDArray before = run(block, x, lengths);
        NDArray after = run(block, changed, lengths);
        assertTrue(before.get("0, :3, :").allClose(after.get("0, :3, :"), 1e-5, 1e-5, false));
        assertTrue(before.get("1").allClose(after.get("1"), 1e-6, 1e-6, false));
    }

    @Test
    void decoderIsCausalAndIgnoresPaddedMemory() {
        TransformerDecoder block = TransformerDecoder.builder()
                .setModelSize(D).setHeads(2).setLayers(1).setFeedForwardSize(16).build();
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 4, D), new Shape(1, 3, D), new Shape(1));
        NDArray y = manager.randomNormal(new Shape(1, 4, D));
        NDArray memory = manager.randomNormal(new Shape(1, 3, D));
        NDArray memoryLengths = manager.create(new long[] {2});
        NDArray base = run(block, y, memory, memoryLengths);
        assertEquals(new Shape(1, 4, D), base.getShape());

        NDArray futureChanged = y.duplicate();
        futureChanged.set(new NDIndex(":, 3:, :"), manager.randomNormal(new Shape(1, 1, D)));
        assertTrue(base.get(":, :3, :").allClose(run(block, futureChanged, memory, memoryLengths).get(":, :3, :"),
                1e-6, 1e-6, false));

        NDArray padChanged = memory.duplicate();
        padChanged.set(new NDIndex(":, 2:, :"), manager.randomNormal(new Shape(1, 1, D)).mul(10));
        assertTrue(base.allClose(run(block, y, padChanged, memoryLengths), 1e-5, 1e-5, false));
        assertFalse(base.allClose(run(block, y, padChanged), 1e-3, 1e-3, false));
    }

    @Test
    void saveAndLoadGiveTheSameOutputs() throws IOException, ai.djl.MalformedModelException {
        TransformerEncoder original = encoder(true);
        original.initialize(manager, DataType.FLOAT32, new Shape(1, 3, D));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        original.saveParameters(new DataOutputStream(bytes));
        Engine.getInstance().setRandomSeed(99);
        TransformerEncoder copy = encoder(true);
        copy.initialize(manager, DataType.FLOAT32, new Shape(1, 3, D));
        NDArray x = manager.randomNormal(new Shape(1, 3, D));
        assertFalse(run(original, x).allClose(run(copy, x), 1e-3, 1e-3, false));
        copy.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertArrayEquals(run(original, x).toFloatArray(), run(copy, x).toFloatArray(), 0f);
    }

    @Test
    void sinusoidalPositionsMatchTheFormula() {
        float[] pe = SinusoidalPositions.encode(manager, 3, 4).toFloatArray(); // (3, 4)
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < 2; i++) {
                double angle = p / Math.pow(10000, 2.0 * i / 4);
                assertEquals(Math.sin(angle), pe[p * 4 + 2 * i], 1e-5);
                assertEquals(Math.cos(angle), pe[p * 4 + 2 * i + 1], 1e-5);
            }
        }
    }

    @Test
    void masksComeFromIndexComparisons() {
        assertArrayEquals(new boolean[] {true, false, false, true, true, false},
                Masks.causal(manager, 3).get("0:2").toBooleanArray());
        assertArrayEquals(new boolean[] {true, true, false, true, false, false},
                Masks.lengthMask(manager.create(new int[] {2, 1}), 3).toBooleanArray());
        assertArrayEquals(new boolean[] {false, true, false, true, false, false},
                Masks.lastPositionMask(manager.create(new int[] {2, 1}), 3).toBooleanArray());
    }

    @Test
    void badSettingsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransformerEncoder.builder().setModelSize(10).setHeads(3).setLayers(1).setFeedForwardSize(4).build());
        assertEquals("modelSize (10) must be a multiple of heads (3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TransformerEncoder.builder().setModelSize(8).setHeads(2).setLayers(0).setFeedForwardSize(4).build());
        assertEquals("layers must be at least 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TransformerDecoder.builder()
                .setModelSize(8).setHeads(2).setLayers(1).setFeedForwardSize(4).optDropout(1f).build());
        assertEquals("dropout must be in [0, 1), got 1.0", e.getMessage());
    }
}
