package io.parallellmu.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Channel independence, gradients and persistence of {@link LegendreMemory}. */
class LegendreMemoryPropertiesTest {

    private static LegendreMemory memory(int memoryD, MemoryMode mode) {
        return LegendreMemory.builder().setOrder(5).setTheta(7).optMemoryD(memoryD).optMode(mode).build();
    }

    private static NDArray forward(LegendreMemory block, NDArray u) {
        return block.forward(new ParameterStore(u.getManager(), false), new NDList(u), false).singletonOrThrow();
    }

    @Test
    void memoryWithKChannelsEqualsKOneChannelMemories() {
        int k = 4;
        try (NDManager manager = NDManager.newBaseManager()) {
            double[][][] values = ModeEquivalence.randomInput(3, 20, k, new Random(5));
            NDArray u = manager.create(ModeEquivalence.flatten(values), new Shape(3, 20, k));
            NDArray joint = forward(memory(k, MemoryMode.FFT), u); // (3, 20, k·5)
            for (int c = 0; c < k; c++) {
                NDArray single = forward(memory(1, MemoryMode.FFT), u.get(":, :, {}:{}", c, c + 1)); // (3, 20, 5)
                NDArray slice = joint.get(":, :, {}:{}", c * 5, (c + 1) * 5);
                assertArrayEquals(single.toDoubleArray(), slice.toDoubleArray(), 1e-12, "channel " + c);
            }
        }
    }

    @Test
    void gradientsThroughTheFftPathMatchFiniteDifferences() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(3);
            double[][][] values = ModeEquivalence.randomInput(2, 6, 2, random);
            double[] weights = new double[2 * 6 * 10];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = random.nextGaussian();
            }
            NDArray w = manager.create(weights, new Shape(2, 6, 10));
            LegendreMemory fft = memory(2, MemoryMode.FFT);
            NDArray u = manager.create(ModeEquivalence.flatten(values), new Shape(2, 6, 2));
            u.setRequiresGradient(true);
            double[] analytic;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = forward(fft, u).mul(w).sum(); // a scalar with a known, non-trivial gradient
                collector.backward(loss);
                analytic = u.getGradient().toDoubleArray();
            }
            double eps = 1e-6;
            double[] flat = ModeEquivalence.flatten(values);
            for (int i = 0; i < flat.length; i++) {
                double[] plus = flat.clone();
                double[] minus = flat.clone();
                plus[i] += eps;
                minus[i] -= eps;
                double lossPlus = forward(fft, manager.create(plus, new Shape(2, 6, 2))).mul(w).sum().getDouble();
                double lossMinus = forward(fft, manager.create(minus, new Shape(2, 6, 2))).mul(w).sum().getDouble();
                double numeric = (lossPlus - lossMinus) / (2 * eps);
                // central differences in float64: truncation O(eps²) is 0 for a linear map, rounding ~1e-16/eps
                assertEquals(numeric, analytic[i], 1e-7, "d loss / d u[" + i + "]");
            }
        }
    }

    @Test
    void savedMemoryLoadsIntoTheSameConfigurationAndRejectsAnother() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            LegendreMemory saved = memory(2, MemoryMode.FFT);
            saved.initialize(manager, DataType.FLOAT32, new Shape(1, 8, 2));
            byte[] bytes = save(saved);
            LegendreMemory loaded = memory(2, MemoryMode.RECURRENT);
            loaded.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes)));
            NDArray u = manager.randomNormal(new Shape(1, 8, 2));
            assertArrayEquals(forward(saved, u).toFloatArray(), forward(loaded, u).toFloatArray(), 1e-5f);

            LegendreMemory other = LegendreMemory.builder().setOrder(6).setTheta(7).optMemoryD(2).build();
            MalformedModelException e =
                    assertThrows(
                            MalformedModelException.class,
                            () -> other.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes))));
            assertTrue(e.getMessage().contains("saved as (order 5, theta 7.0, ZOH, memoryD 2)"), e.getMessage());
            assertTrue(e.getMessage().contains("this block is (order 6"), e.getMessage());
        }
    }

    static byte[] save(ai.djl.nn.Block block) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream os = new DataOutputStream(bytes)) {
            block.saveParameters(os);
        }
        return bytes.toByteArray();
    }
}
