package io.parallellmu.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A learned θ: the gradient of a loss with respect to log θ equals a float64 central finite difference in every
 * mode, and the learned value is saved and loaded with the block.
 *
 * <p>Tolerance: the analytic gradient is exact up to rounding (~1e-13 relative in float64); the central
 * difference with step h = 1e-5 in log θ errs by about h²/6·|L'''| plus 1e-16·|L|/h, together well below
 * 1e-7 relative here. A wrong derivative (a sign, a missing 1/θ, or dĀ without dB̄) is off by 1e-2 or more.
 */
class TrainableThetaTest {

    private static final double STEP = 1e-5;
    private static final double RELATIVE_TOLERANCE = 1e-6;

    static Stream<Arguments> blocks() {
        return Stream.of(
                memory(MemoryMode.FFT, true),
                memory(MemoryMode.RAW, true),
                memory(MemoryMode.RECURRENT, true),
                memory(MemoryMode.MATMUL, false),
                memory(MemoryMode.RECURRENT, false),
                layer(MemoryMode.FFT, true), // W_m folded into H, so the θ-dependent H is used directly
                layer(MemoryMode.RAW, true),
                layer(MemoryMode.MATMUL, false),
                layer(MemoryMode.AUTO, true));
    }

    private static Arguments memory(MemoryMode mode, boolean sequences) {
        Supplier<AbstractBlock> factory =
                () -> LegendreMemory.builder().setOrder(6).setTheta(9.5).optMemoryD(2).optMode(mode)
                        .optReturnSequences(sequences).optTrainableTheta(true).build();
        return Arguments.of("memory " + mode + (sequences ? " sequences" : " final"), factory);
    }

    private static Arguments layer(MemoryMode mode, boolean sequences) {
        Supplier<AbstractBlock> factory =
                () -> LmuLayer.builder().setOrder(6).setTheta(9.5).setHiddenSize(4).optMemoryD(2).optMode(mode)
                        .optReturnSequences(sequences).optTrainableTheta(true).build();
        return Arguments.of("layer " + mode + (sequences ? " sequences" : " final"), factory);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void gradientWithRespectToLogThetaEqualsAFiniteDifference(String name, Supplier<AbstractBlock> factory) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            AbstractBlock block = factory.get();
            boolean isLayer = block instanceof LmuLayer;
            Shape inputShape = new Shape(2, 23, isLayer ? 3 : 2);
            block.initialize(manager, DataType.FLOAT64, inputShape);
            NDArray x = manager.randomNormal(inputShape, DataType.FLOAT64);
            Shape outShape = block.getOutputShapes(new Shape[] {inputShape})[0];
            NDArray probe = manager.randomNormal(outShape, DataType.FLOAT64); // loss = Σ out · probe
            Parameter logTheta = thetaParameter(block);
            NDArray value = logTheta.getArray();
            double log0 = value.getDouble(0);

            value.setRequiresGradient(true);
            double analytic;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray out = block.forward(new ParameterStore(manager, false), new NDList(x), true).head();
                collector.backward(out.mul(probe).sum());
                analytic = value.getGradient().getDouble(0);
            }
            double up = lossAt(block, value, log0 + STEP, x, probe, manager);
            double down = lossAt(block, value, log0 - STEP, x, probe, manager);
            double numeric = (up - down) / (2 * STEP);
            assertTrue(Math.abs(numeric) > 1e-3, name + ": θ should matter to this loss, got " + numeric);
            assertEquals(numeric, analytic, RELATIVE_TOLERANCE * Math.abs(numeric), name + ": dLoss/dlogθ");
        }
    }

    private static double lossAt(
            AbstractBlock block, NDArray value, double logTheta, NDArray x, NDArray probe, NDManager manager) {
        value.set(new ai.djl.ndarray.index.NDIndex(0), logTheta);
        NDArray out = block.forward(new ParameterStore(manager, false), new NDList(x), false).head();
        return out.mul(probe).sum().getDouble();
    }

    private static Parameter thetaParameter(AbstractBlock block) {
        LegendreMemory memory = block instanceof LmuLayer ? ((LmuLayer) block).getMemory() : (LegendreMemory) block;
        return memory.getParameters().get(TrainableTheta.PARAMETER);
    }

    @Test
    void learnedThetaIsSavedAndLoaded() throws Exception {
        Supplier<LmuLayer> factory =
                () -> LmuLayer.builder().setOrder(4).setTheta(6).setHiddenSize(3).optTrainableTheta(true).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape inputShape = new Shape(2, 7, 3);
            LmuLayer saved = factory.get();
            saved.initialize(manager, DataType.FLOAT32, inputShape);
            thetaParameter(saved).getArray().set(new ai.djl.ndarray.index.NDIndex(0), (float) Math.log(11.0));
            byte[] bytes = LegendreMemoryPropertiesTest.save(saved);
            LmuLayer loaded = factory.get();
            loaded.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes)));
            assertEquals(11.0, loaded.getMemory().getTheta(), 1e-5);
            NDArray x = manager.randomNormal(inputShape);
            ParameterStore store = new ParameterStore(manager, false);
            float[] expected = saved.forward(store, new NDList(x), false).head().toFloatArray();
            float[] actual = loaded.forward(store, new NDList(x), false).head().toFloatArray();
            assertArrayEquals(expected, actual, 1e-6f);

            LmuLayer fixed = LmuLayer.builder().setOrder(4).setTheta(6).setHiddenSize(3).build();
            MalformedModelException e =
                    assertThrows(
                            MalformedModelException.class,
                            () -> fixed.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes))));
            assertTrue(e.getMessage().contains("trainable theta"), e.getMessage());
        }
    }

    @Test
    void versionOneMemoriesStillLoad() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            LegendreMemory saved = LegendreMemory.builder().setOrder(4).setTheta(6).build();
            saved.initialize(manager, DataType.FLOAT32, new Shape(1, 5, 1));
            byte[] current = LegendreMemoryPropertiesTest.save(saved);
            // Version 1 wrote the same fields without the final trainable-θ flag, and a fixed memory has no parameters.
            byte[] versionOne = Arrays.copyOf(current, current.length - 1);
            assertEquals(2, versionOne[0], "the current version");
            versionOne[0] = 1;
            LegendreMemory loaded = LegendreMemory.builder().setOrder(4).setTheta(6).build();
            loaded.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(versionOne)));
            assertFalse(loaded.isTrainableTheta());
            LegendreMemory trainable = LegendreMemory.builder().setOrder(4).setTheta(6).optTrainableTheta(true).build();
            assertThrows(
                    MalformedModelException.class,
                    () -> trainable.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(versionOne))));
        }
    }
}
