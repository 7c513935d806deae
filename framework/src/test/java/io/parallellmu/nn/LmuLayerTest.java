package io.parallellmu.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** The LMU layer (eqs. 18–20): shapes, agreement of its modes, streaming, and validation. */
class LmuLayerTest {

    /** Hidden 5 is below the memory state C·d = 12, so FFT and RAW fold W_m into H; hidden 13 is not. */
    private static final int[] HIDDEN_SIZES = {5, 13};

    private static LmuLayer layer(MemoryMode mode, boolean sequences) {
        return layer(mode, sequences, 5);
    }

    private static LmuLayer layer(MemoryMode mode, boolean sequences, int hidden) {
        return LmuLayer.builder()
                .setOrder(6)
                .setTheta(12)
                .setHiddenSize(hidden)
                .optMemoryD(2)
                .optInputActivation(Nonlinearity.RELU)
                .optHiddenActivation(Nonlinearity.TANH)
                .optMode(mode)
                .optReturnSequences(sequences)
                .build();
    }

    private static NDArray run(LmuLayer layer, NDArray x, NDManager manager) {
        return layer.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
    }

    @Test
    void everyModeGivesTheSameOutputsWithTheSameWeights() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            NDArray x = manager.randomNormal(new Shape(4, 30, 3));
            for (int hidden : HIDDEN_SIZES) { // folded and materialised memory states
                LmuLayer reference = layer(MemoryMode.RECURRENT, true, hidden);
                reference.initialize(manager, DataType.FLOAT32, x.getShape());
                float[] expected = run(reference, x, manager).toFloatArray();
                assertEquals(4 * 30 * hidden, expected.length);
                for (MemoryMode mode : new MemoryMode[] {MemoryMode.FFT, MemoryMode.RAW, MemoryMode.AUTO}) {
                    LmuLayer other = layer(mode, true, hidden);
                    other.initialize(manager, DataType.FLOAT32, x.getShape());
                    copyParameters(reference, other);
                    // float32: outputs of order 1 agree to a few ulp-scale errors accumulated over 30 steps
                    assertArrayEquals(expected, run(other, x, manager).toFloatArray(), 1e-5f, mode + " hidden " + hidden);
                }
            }
            LmuLayer reference = layer(MemoryMode.RECURRENT, true);
            reference.initialize(manager, DataType.FLOAT32, x.getShape());
            float[] expected = run(reference, x, manager).toFloatArray();
            float[] expectedLast = run(withFinalOutput(reference, MemoryMode.RECURRENT, x, manager), x, manager).toFloatArray();
            float[] last = run(withFinalOutput(reference, MemoryMode.MATMUL, x, manager), x, manager).toFloatArray();
            assertArrayEquals(expectedLast, last, 1e-5f, "MATMUL final output");
            for (int b = 0; b < 4; b++) {
                for (int h = 0; h < 5; h++) {
                    assertEquals(expected[(b * 30 + 29) * 5 + h], last[b * 5 + h], 1e-5f, "last step of the sequence");
                }
            }
        }
    }

    private static LmuLayer withFinalOutput(LmuLayer source, MemoryMode mode, NDArray x, NDManager manager) {
        LmuLayer target = layer(mode, false);
        target.initialize(manager, DataType.FLOAT32, x.getShape());
        copyParameters(source, target);
        return target;
    }

    static void copyParameters(ai.djl.nn.Block from, ai.djl.nn.Block to) {
        var source = from.getParameters();
        var target = to.getParameters();
        assertEquals(source.size(), target.size());
        for (int i = 0; i < source.size(); i++) {
            assertEquals(source.get(i).getKey(), target.get(i).getKey());
            target.get(i).getValue().getArray().set(source.get(i).getValue().getArray().toByteBuffer());
        }
    }

    @Test
    void foldedConvolutionGivesTheRecurrentGradients() {
        for (int hidden : HIDDEN_SIZES) {
            convolutionGivesTheRecurrentGradients(hidden);
        }
    }

    private static void convolutionGivesTheRecurrentGradients(int hidden) {
        // FFT and RAW fold W_m into the impulse response where H < C·d; either way their parameter gradients must be
        // those of the explicit memory. float64, so the tolerance only absorbs summation order (~1e-12 relative).
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            NDArray x = manager.randomNormal(new Shape(3, 25, 2)).toType(DataType.FLOAT64, false);
            LmuLayer reference = layer(MemoryMode.RECURRENT, true, hidden);
            reference.initialize(manager, DataType.FLOAT64, x.getShape());
            java.util.Map<String, double[]> expected = gradients(reference, x, manager);
            for (var entry : expected.entrySet()) {
                assertTrue(java.util.Arrays.stream(entry.getValue()).anyMatch(g -> Math.abs(g) > 1e-6), entry.getKey() + " has a gradient");
            }
            for (MemoryMode mode : new MemoryMode[] {MemoryMode.FFT, MemoryMode.RAW}) {
                LmuLayer folded = layer(mode, true, hidden);
                folded.initialize(manager, DataType.FLOAT64, x.getShape());
                copyParameters(reference, folded);
                java.util.Map<String, double[]> actual = gradients(folded, x, manager);
                assertEquals(expected.keySet(), actual.keySet());
                for (String name : expected.keySet()) {
                    assertArrayEquals(expected.get(name), actual.get(name), 1e-9, mode + " hidden " + hidden + " d/d" + name);
                }
            }
        }
    }

    /** Gradients of Σ o² with respect to every parameter. */
    private static java.util.Map<String, double[]> gradients(LmuLayer layer, NDArray x, NDManager manager) {
        java.util.Map<String, double[]> grads = new java.util.TreeMap<>();
        try (ai.djl.training.GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray o = layer.forward(new ParameterStore(manager, false), new NDList(x), true).singletonOrThrow();
            collector.backward(o.square().sum());
        }
        for (var entry : layer.getParameters()) {
            NDArray array = entry.getValue().getArray();
            try (NDArray gradient = array.getGradient()) {
                grads.put(entry.getKey(), gradient.toDoubleArray());
                gradient.subi(gradient); // PyTorch accumulates gradients; start the next layer from zero
            }
        }
        return grads;
    }

    @Test
    void streamingStepsReproduceTheParallelOutputs() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            NDArray x = manager.randomNormal(new Shape(2, 40, 3));
            LmuLayer parallel = layer(MemoryMode.FFT, true);
            parallel.initialize(manager, DataType.FLOAT32, x.getShape());
            float[] expected = run(parallel, x, manager).toFloatArray();
            ParameterStore store = new ParameterStore(manager, false);
            NDArray state = parallel.initialState(x, 2);
            for (int t = 0; t < 40; t++) {
                NDList out = parallel.step(store, state, x.get(":, {}, :", t));
                state = out.get(1);
                float[] o = out.get(0).toFloatArray();
                for (int b = 0; b < 2; b++) {
                    for (int h = 0; h < 5; h++) {
                        assertEquals(expected[(b * 40 + t) * 5 + h], o[b * 5 + h], 1e-5f, "step " + t);
                    }
                }
            }
        }
    }

    @Test
    void outputShapesFollowReturnSequences() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.ones(new Shape(3, 9, 4));
            LmuLayer sequences = layer(MemoryMode.AUTO, true);
            sequences.initialize(manager, DataType.FLOAT32, x.getShape());
            assertEquals(new Shape(3, 9, 5), run(sequences, x, manager).getShape());
            assertEquals(new Shape(3, 9, 5), sequences.getOutputShapes(new Shape[] {x.getShape()})[0]);
            LmuLayer last = layer(MemoryMode.AUTO, false);
            last.initialize(manager, DataType.FLOAT32, x.getShape());
            assertEquals(new Shape(3, 5), run(last, x, manager).getShape());
            // any sequence length at run time, without rebuilding the layer
            assertEquals(new Shape(3, 5), run(last, manager.ones(new Shape(3, 50, 4)), manager).getShape());
        }
    }

    @Test
    void parameterCountMatchesEquations18To20() {
        // psMNIST shape: U_x 1×1 + b_u 1, W_m 468·346, W_x 1·346, b_o 346 → 162,622
        try (NDManager manager = NDManager.newBaseManager()) {
            LmuLayer psmnist =
                    LmuLayer.builder().setOrder(468).setTheta(784).setHiddenSize(346).optReturnSequences(false).build();
            psmnist.initialize(manager, DataType.FLOAT32, new Shape(1, 784, 1));
            long count = psmnist.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
            assertEquals(162_622, count);
        }
    }

    @Test
    void badConfigurationAndInputAreRejectedClearly() {
        assertMessage(() -> LmuLayer.builder().setOrder(0).setTheta(4).setHiddenSize(3).build(), "order must be at least 1, got 0");
        assertMessage(() -> LmuLayer.builder().setOrder(4).setTheta(0).setHiddenSize(3).build(), "theta must be positive");
        assertMessage(() -> LmuLayer.builder().setOrder(4).setTheta(-2).setHiddenSize(3).build(), "theta must be positive");
        assertMessage(() -> LmuLayer.builder().setOrder(4).setTheta(4).setHiddenSize(0).build(), "hiddenSize must be at least 1");
        assertMessage(() -> LmuLayer.builder().setOrder(4).setTheta(4).setHiddenSize(3).optMemoryD(0).build(), "memoryD must be at least 1");
        assertMessage(
                () -> LegendreMemory.builder().setOrder(4).setTheta(4).optMode(MemoryMode.MATMUL).build(),
                "MATMUL computes only the final state");
        try (NDManager manager = NDManager.newBaseManager()) {
            LegendreMemory memory = LegendreMemory.builder().setOrder(4).setTheta(4).optMemoryD(2).build();
            ParameterStore store = new ParameterStore(manager, false);
            assertMessage(
                    () -> memory.forward(store, new NDList(manager.ones(new Shape(2, 5))), false),
                    "expects input of shape (batch, time, 2), got rank 2");
            assertMessage(
                    () -> memory.forward(store, new NDList(manager.ones(new Shape(2, 5, 3))), false),
                    "memoryD 2 but the input has 3 channels");
            assertMessage(
                    () -> memory.step(memory.initialState(manager.ones(new Shape(1)), 2), manager.ones(new Shape(2, 3))),
                    "expects an input of shape (batch, 2)");
            LmuLayer lmu = layer(MemoryMode.AUTO, true);
            assertMessage(
                    () -> lmu.initialize(manager, DataType.FLOAT32, new Shape(2, 3)),
                    "LmuLayer expects input of shape (batch, time, features), got rank 2");
        }
    }

    private static void assertMessage(Runnable action, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(expected), () -> "message was: " + e.getMessage());
    }
}
