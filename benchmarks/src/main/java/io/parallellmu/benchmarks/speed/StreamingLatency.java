package io.parallellmu.benchmarks.speed;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.parallellmu.nn.LmuLayer;
import io.parallellmu.nn.MemoryMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The psMNIST LMU run as an RNN at batch 1: per time step, one input value arrives, the layer steps its
 * memory (eq. 19) and the read-out gives the current class scores. The latency per step is the median
 * over repeated whole sequences; the final scores are compared with the parallel (MATMUL) forward pass.
 *
 * @param perStepSeconds the median latency of one time step
 * @param maxAbsDifference the largest |streaming − parallel| of the final class scores, float32
 * @param finalStateNorm the L2 norm of the memory state after the last step, so a reader can see the
 *     comparison exercised the memory (0 would make it vacuous)
 * @param length the sequence length
 * @param repeats how many whole sequences were timed
 */
public record StreamingLatency(
        double perStepSeconds, double maxAbsDifference, double finalStateNorm, int length, int repeats) {

    /**
     * Measures the latency.
     *
     * @param device where to run
     * @param order the memory order d
     * @param hidden the hidden size
     * @param length L (also θ)
     * @param repeats whole sequences to time (after one untimed)
     * @return the result
     */
    public static StreamingLatency measure(Device device, int order, int hidden, int length, int repeats) {
        LmuSpeedCase shape = new LmuSpeedCase(false, MemoryMode.MATMUL, 1, length, order, hidden);
        Block block = shape.build();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            block.initialize(manager, DataType.FLOAT32, shape.inputShape());
            ParameterStore store = new ParameterStore(manager, false);
            float[] pixels = new float[length];
            Random random = new Random(0);
            for (int t = 0; t < length; t++) {
                pixels[t] = 2 * random.nextFloat() - 1; // both signs, so f₁ = ReLU passes some whatever U_x's sign
            }
            float[] parallel =
                    block.forward(store, new NDList(manager.create(pixels, shape.inputShape())), false).head().toFloatArray();
            LmuLayer lmu = (LmuLayer) block.getChildren().get(0).getValue();
            Block readOut = block.getChildren().get(1).getValue();
            double[] perStep = new double[repeats];
            float[][] streamed = null;
            for (int r = -1; r < repeats; r++) {
                long start = System.nanoTime();
                streamed = stream(lmu, readOut, store, manager, pixels);
                if (r >= 0) {
                    perStep[r] = (System.nanoTime() - start) / 1e9 / length;
                }
            }
            Arrays.sort(perStep);
            double difference = 0;
            for (int i = 0; i < parallel.length; i++) {
                difference = Math.max(difference, Math.abs(parallel[i] - streamed[0][i]));
            }
            double norm = 0;
            for (float v : streamed[1]) {
                norm += (double) v * v;
            }
            return new StreamingLatency(perStep[repeats / 2], difference, Math.sqrt(norm), length, repeats);
        }
    }

    /** Feeds one value per step, as a stream would; returns the final scores and memory state. */
    private static float[][] stream(LmuLayer lmu, Block readOut, ParameterStore store, NDManager manager, float[] pixels) {
        try (NDManager sequence = manager.newSubManager()) {
            NDArray state = lmu.initialState(sequence.zeros(new Shape(1)), 1);
            NDArray scores = null;
            for (float pixel : pixels) {
                try (NDManager step = sequence.newSubManager()) {
                    NDArray x = step.create(new float[] {pixel}, new Shape(1, 1)); // (B=1, F=1)
                    NDList out = lmu.step(store, state, x); // [o_t, m_t]
                    NDArray next = out.get(1);
                    next.attach(sequence);
                    state.close();
                    state = next;
                    scores = readOut.forward(store, new NDList(out.get(0)), false).head(); // current class scores
                    scores.attach(sequence);
                }
            }
            return new float[][] {scores.toFloatArray(), state.toFloatArray()};
        }
    }

    /**
     * Renders the result as a Markdown section.
     *
     * @return Markdown
     */
    public String markdown() {
        return String.format(Locale.ROOT,
                "## Streaming inference%n%n"
                        + "The psMNIST LMU run as an RNN at batch 1, one input value per time step (memory step, eq."
                        + " 19, and the read-out each step): **%.1f µs per time step** (median of %d sequences of"
                        + " %d steps). Its final class scores differ from the parallel MATMUL forward pass by at most"
                        + " %.2g in float32 (final memory-state norm %.3g).%n",
                perStepSeconds * 1e6, repeats, length, maxAbsDifference, finalStateNorm);
    }
}
