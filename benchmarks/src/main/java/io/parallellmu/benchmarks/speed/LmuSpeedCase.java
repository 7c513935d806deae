package io.parallellmu.benchmarks.speed;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.parallellmu.nn.LmuLayer;
import io.parallellmu.nn.MemoryMode;
import io.parallellmu.nn.Nonlinearity;

/**
 * The psMNIST-shaped parallel-LMU classifier computed in one memory mode: an LMU layer (ReLU f₁ and f₂,
 * skip connection) and a 10-way dense read-out, on input (B, L, 1) with θ = L.
 *
 * <p>The {@code final} variant reads out the final state only (eq. 25 applies); the {@code sequence}
 * variant computes the hidden layer at every time step, as the paper's sequence models do, and reads out
 * the last one.
 *
 * @param sequence whether the hidden layer runs at every step
 * @param mode the memory mode
 * @param batch B
 * @param length L (also θ)
 * @param order d
 * @param hidden H
 * @param classes the read-out size
 */
public record LmuSpeedCase(
        boolean sequence, MemoryMode mode, int batch, int length, int order, int hidden, int classes) {

    /**
     * Returns the configuration's name, such as {@code lmu-final}.
     *
     * @return the name without the mode
     */
    public String configuration() {
        return sequence ? "lmu-sequence" : "lmu-final";
    }

    /**
     * Builds a fresh model.
     *
     * @return the block
     */
    public Block build() {
        LmuLayer lmu =
                LmuLayer.builder()
                        .setOrder(order)
                        .setTheta(length)
                        .setHiddenSize(hidden)
                        .optInputActivation(Nonlinearity.RELU)
                        .optHiddenActivation(Nonlinearity.RELU)
                        .optMode(mode)
                        .optReturnSequences(sequence)
                        .build();
        SequentialBlock block = new SequentialBlock().add(lmu);
        if (sequence) {
            block.add(x -> new NDList(x.head().get(new NDIndex(":, -1, :")))); // (B, L, H) → (B, H)
        }
        return block.add(Linear.builder().setUnits(classes).build());
    }

    /**
     * Counts the floating-point operations of one training step (forward and backward; the optimizer's
     * element-wise work is left out). A multiply-add counts as 2. With C = 1 input channel:
     *
     * <ul>
     *   <li>MATMUL memory (eq. 25): forward 2·B·L·d, backward 2·B·L·d (gradient into u).
     *   <li>RECURRENT memory (eq. 19): forward 2·B·d² per step for L−1 steps, backward the same (Ā is fixed,
     *       so only the state's gradient is computed).
     *   <li>FFT memory (eq. 26), n = 2L: a real FFT of size n costs about 2.5·n·log₂n; forward one FFT per
     *       row of u, a complex product 6·B·d·(L+1), and d inverse FFTs per row; backward the same again.
     *   <li>RAW memory: a direct causal convolution, forward B·d·L·(L+1) multiply-adds (the zero half of
     *       the padded product is still computed by the convolution kernel, so 2·B·d·L² is charged), backward
     *       the same for the gradient into u.
     *   <li>Hidden layer W_m m + W_x x + b: 2·R·(d+1)·H forward and twice that backward, where R = B for
     *       the final variant and B·L for the sequence variant.
     *   <li>Read-out: 6·B·H·classes.
     * </ul>
     *
     * @return FLOPs per training step
     */
    public double flops() {
        double b = batch;
        double l = length;
        double d = order;
        double memory;
        MemoryMode counted = mode == MemoryMode.AUTO && !sequence ? MemoryMode.MATMUL : mode;
        switch (counted) {
            case MATMUL:
                memory = 4 * b * l * d;
                break;
            case RECURRENT:
                memory = 4 * b * d * d * (l - 1);
                break;
            case RAW:
                memory = 2 * (2 * b * d * l * l);
                break;
            case FFT:
            case AUTO:
            default:
                double n = 2 * l;
                double fft = 2.5 * n * (Math.log(n) / Math.log(2));
                memory = 2 * (b * fft + 6 * b * d * (l + 1) + b * d * fft);
                break;
        }
        double rows = sequence ? b * l : b;
        double hiddenFlops = 6 * rows * (d + 1) * hidden;
        return memory + hiddenFlops + 6 * b * hidden * classes;
    }
}
