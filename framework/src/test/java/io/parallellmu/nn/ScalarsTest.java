package io.parallellmu.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.parallellmu.nn.transformer.Masks;
import io.parallellmu.nn.transformer.MultiHeadAttention;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A constant factor must survive until the backward pass. With DJL's {@code x.mul(Number)} the factor lives in a
 * Java direct buffer whose wrapper is closed at once; after a garbage collection the buffer's memory is reused,
 * and the gradient is multiplied by whatever was written there (the transformer's intermittent NaN gradients).
 */
class ScalarsTest {

    private static final float FACTOR = 0.35355338f; // 1/√8, as in scaled dot-product attention

    @Test
    void theGradientOfAScaledArrayStaysCorrectAfterTheFactorsJavaMemoryIsReused() throws Exception {
        Shape shape = new Shape(4, 8);
        float[] gradient = gradient(new float[(int) shape.size()], shape, x -> Scalars.times(x, FACTOR), true);
        float[] expected = new float[gradient.length];
        Arrays.fill(expected, FACTOR);
        assertArrayEquals(expected, gradient, 0f);
    }

    @Test
    void theGradientOfADividedArrayStaysCorrectAfterTheDivisorsJavaMemoryIsReused() throws Exception {
        Shape shape = new Shape(4, 8);
        float[] gradient = gradient(new float[(int) shape.size()], shape, x -> Scalars.dividedBy(x, 4f), true);
        float[] expected = new float[gradient.length];
        Arrays.fill(expected, 0.25f);
        assertArrayEquals(expected, gradient, 0f);
    }

    /**
     * Attention over a padded batch whose sequences have 3, 1 and 0 valid keys (the last fully padded): its input
     * gradient is finite and the same whether or not freed Java memory is reused before the backward pass.
     */
    @Test
    void attentionGradientsAreFiniteAndIndependentOfReusedJavaMemory() throws Exception {
        try (NDManager parameters = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            MultiHeadAttention attention = MultiHeadAttention.builder().setModelSize(8).setHeads(2).build();
            Shape shape = new Shape(3, 3, 8); // (B, L, D)
            attention.initialize(parameters, DataType.FLOAT32, shape, shape);
            ParameterStore store = new ParameterStore(parameters, false);
            float[] input = parameters.randomNormal(shape).toFloatArray();
            UnaryOperator<NDArray> selfAttention = x -> {
                NDArray bias = Masks.attentionBias(x.getManager(), x.getManager().create(new long[] {3, 1, 0}), 3, false);
                return attention.forward(store, new NDList(x, x, bias), true).head();
            };
            float[] reference = gradient(input, shape, selfAttention, false);
            float[] afterReuse = gradient(input, shape, selfAttention, true);
            for (float value : reference) {
                assertTrue(Float.isFinite(value), "gradient " + Arrays.toString(reference));
            }
            assertFalse(Arrays.equals(new float[reference.length], reference), "the gradient must not vanish");
            assertArrayEquals(reference, afterReuse, 1e-6f);
        }
    }

    /** d/dx Σ f(x) at x; optionally freed direct buffers are collected and overwritten between forward and backward. */
    private static float[] gradient(float[] at, Shape shape, UnaryOperator<NDArray> f, boolean reuseFreedMemory)
            throws InterruptedException {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(at, shape);
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss;
                try (NDManager scope = manager.newSubManager()) {
                    x.tempAttach(scope);
                    loss = f.apply(x).sum();
                    scope.ret(loss);
                }
                List<ByteBuffer> garbage = reuseFreedMemory ? overwriteFreedDirectMemory() : List.of();
                collector.backward(loss);
                Reference.reachabilityFence(garbage); // the overwriting buffers stay taken until here
            }
            return x.getGradient().toFloatArray();
        }
    }

    /** Lets the cleaners free unreachable direct buffers, then takes many small ones filled with 1e30. */
    private static List<ByteBuffer> overwriteFreedDirectMemory() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50); // direct buffers are freed by a cleaner thread after the collection
        }
        List<ByteBuffer> garbage = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            buffer.putFloat(0, 1e30f);
            garbage.add(buffer);
        }
        return garbage;
    }
}
