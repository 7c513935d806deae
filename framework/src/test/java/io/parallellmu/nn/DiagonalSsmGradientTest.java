package io.parallellmu.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link DiagonalSsm} trains through every mode: the gradient of one loss with respect to each parameter (Δ, A, B,
 * C, D) is the same whether the layer runs by FFT, RAW, RECURRENT or (for the last output) MATMUL, and it matches a
 * float64 central difference for log Δ. All float64; agreement to 1e-8 relative, where a mode that dropped a
 * parameter from its graph, or a wrong conjugate, is off by order 1.
 */
class DiagonalSsmGradientTest {

    private static final Shape INPUT = new Shape(2, 19, 3);

    @Test
    void everyModeGivesTheSameGradients() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomNormal(0, 1, INPUT, DataType.FLOAT64);
            for (boolean sequences : new boolean[] {true, false}) {
                Map<String, double[]> reference = null;
                for (MemoryMode mode : new MemoryMode[] {MemoryMode.FFT, MemoryMode.RAW, MemoryMode.RECURRENT, MemoryMode.MATMUL}) {
                    if (mode == MemoryMode.MATMUL && sequences) {
                        continue;
                    }
                    Map<String, double[]> gradients = gradients(layer(mode, sequences, manager), x);
                    // a parameter the graph lost gets a float32 zero gradient, which toDoubleArray would reject
                    if (reference == null) {
                        reference = gradients;
                        continue;
                    }
                    for (Map.Entry<String, double[]> e : reference.entrySet()) {
                        double[] other = gradients.get(e.getKey());
                        double scale = java.util.Arrays.stream(e.getValue()).map(Math::abs).max().orElse(0);
                        assertTrue(scale > 1e-6, e.getKey() + " gets no gradient");
                        assertArrayEquals(e.getValue(), other, 1e-8 * scale, mode + " " + e.getKey() + " sequences=" + sequences);
                    }
                }
            }
        }
    }

    @Test
    void stepGradientMatchesAFiniteDifference() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomNormal(0, 1, INPUT, DataType.FLOAT64);
            DiagonalSsm block = layer(MemoryMode.FFT, true, manager);
            double analytic = gradients(block, x).get("logDt")[1];
            NDArray logDt = block.getParameters().get("logDt").getArray();
            double h = 1e-6;
            double original = logDt.getDouble(1, 0);
            logDt.set(new ai.djl.ndarray.index.NDIndex(1, 0), original + h);
            double up = loss(block, x, false).getDouble();
            logDt.set(new ai.djl.ndarray.index.NDIndex(1, 0), original - h);
            double down = loss(block, x, false).getDouble();
            double numeric = (up - down) / (2 * h);
            assertTrue(Math.abs(numeric) > 1e-4, "Δ should matter, got " + numeric);
            assertEquals(numeric, analytic, 1e-6 * Math.abs(numeric), "dLoss/dlogΔ of channel 1");
        }
    }

    private static DiagonalSsm layer(MemoryMode mode, boolean sequences, NDManager manager) {
        Engine.getInstance().setRandomSeed(5);
        DiagonalSsm block = DiagonalSsm.builder().setStateSize(8).optDtRange(0.01, 0.5).optMode(mode)
                .optReturnSequences(sequences).build();
        block.initialize(manager, DataType.FLOAT64, INPUT);
        return block;
    }

    /** Σ out² · weights, with weights fixed per output position so that every output counts differently. */
    private static NDArray loss(DiagonalSsm block, NDArray x, boolean training) {
        NDArray out = block.forward(new ParameterStore(x.getManager(), false), new NDList(x), training).head();
        NDArray weights = x.getManager().arange(0, (int) out.size(), 1, DataType.FLOAT64).reshape(out.getShape()).div(out.size());
        return out.square().mul(weights).sum();
    }

    private static Map<String, double[]> gradients(DiagonalSsm block, NDArray x) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            p.getValue().getArray().setRequiresGradient(true);
        }
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(loss(block, x, true));
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            out.put(p.getKey(), p.getValue().getArray().getGradient().toDoubleArray());
        }
        return out;
    }
}
