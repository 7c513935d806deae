package io.parallellmu.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    /** Gives w1 the gradient (3, −4) and w2 the gradient (−12): global norm 13. */
    private static List<NDArray> parametersWithGradients(NDManager manager) {
        NDArray w1 = manager.create(new float[] {1, 1});
        NDArray w2 = manager.create(new float[] {1});
        w1.setRequiresGradient(true);
        w2.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = w1.mul(manager.create(new float[] {3, -4})).sum().add(w2.mul(-12).sum());
            collector.backward(loss);
        }
        return List.of(w1, w2);
    }

    @Test
    void scalesAllGradientsByTheGlobalNormKeepingSigns() {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<NDArray> parameters = parametersWithGradients(manager);
            long arraysBefore = manager.getManagedArrays().size();
            double norm = GradientClipping.clipGlobalNorm(parameters, 6.5f);
            assertEquals(13.0, norm, 1e-5);
            // Scale 6.5 / 13 = 0.5 on every element: negatives shrink towards 0, not clamped to the threshold.
            assertArrayEquals(new float[] {1.5f, -2f}, parameters.get(0).getGradient().toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {-6f}, parameters.get(1).getGradient().toFloatArray(), 1e-6f);
            assertEquals(6.5, GradientClipping.clipGlobalNorm(parameters, 100f), 1e-5);
            // Clipping itself leaves no wrappers or temporaries behind (the two getGradient() reads above do).
            assertEquals(arraysBefore + 2, manager.getManagedArrays().size());
        }
    }

    @Test
    void leavesGradientsBelowTheThresholdUntouched() {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<NDArray> parameters = parametersWithGradients(manager);
            assertEquals(13.0, GradientClipping.clipGlobalNorm(parameters, 20f), 1e-5);
            assertArrayEquals(new float[] {3f, -4f}, parameters.get(0).getGradient().toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {-12f}, parameters.get(1).getGradient().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void aFiniteGradientWhoseSquareOverflowsFloat32HasAFiniteNorm() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(new float[] {1, 1});
            w.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(w.mul(manager.create(new float[] {3e20f, -4e20f})).sum());
            }
            // 3e20² overflows float32 (max 3.4e38); the norm is 5e20, and clipping to 5e20 / 2 halves it
            assertEquals(5e20, GradientClipping.clipGlobalNorm(List.of(w), 2.5e20f), 1e15);
            assertArrayEquals(new float[] {1.5e20f, -2e20f}, w.getGradient().toFloatArray(), 1e14f);
        }
    }
}
