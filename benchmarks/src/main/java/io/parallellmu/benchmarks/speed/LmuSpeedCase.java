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
 * <p>The {@code lmu-final} variant reads out the final state only (eq. 25 applies); {@code lmu-sequence}
 * computes the hidden layer at every time step, as the paper's sequence models do, and reads out the last.
 *
 * @param sequence whether the hidden layer runs at every step
 * @param memoryMode the memory mode
 * @param batch B
 * @param length L (also θ)
 * @param order d
 * @param hidden H
 */
public record LmuSpeedCase(boolean sequence, MemoryMode memoryMode, int batch, int length, int order, int hidden)
        implements SpeedCase {

    /** {@inheritDoc} */
    @Override
    public String configuration() {
        return sequence ? "lmu-sequence" : "lmu-final";
    }

    /** {@inheritDoc} */
    @Override
    public String mode() {
        return memoryMode.name();
    }

    /** {@inheritDoc} */
    @Override
    public Block build() {
        LmuLayer lmu =
                LmuLayer.builder()
                        .setOrder(order)
                        .setTheta(length)
                        .setHiddenSize(hidden)
                        .optInputActivation(Nonlinearity.RELU)
                        .optHiddenActivation(Nonlinearity.RELU)
                        .optMode(memoryMode)
                        .optReturnSequences(sequence)
                        .build();
        SequentialBlock block = new SequentialBlock().add(lmu);
        if (sequence) {
            block.add(x -> new NDList(x.head().get(new NDIndex(":, -1, :")))); // (B, L, H) → (B, H)
        }
        return block.add(Linear.builder().setUnits(CLASSES).build());
    }

    /** Returns the mode that actually ran: AUTO's choice for this shape. */
    private MemoryMode resolved(Block block) {
        LmuLayer lmu = (LmuLayer) block.getChildren().get(0).getValue();
        return lmu.getMemory()
                .modeUsedFor(inputShape())
                .orElseThrow(() -> new IllegalStateException("the model has not run on " + inputShape() + " yet"));
    }

    /** {@inheritDoc} */
    @Override
    public String note(Block block) {
        return memoryMode == MemoryMode.AUTO ? "AUTO chose " + resolved(block) : "";
    }

    /**
     * Counts one training step's FLOPs (forward and backward; the optimizer's element-wise work is left
     * out). With C = 1 memory channel:
     *
     * <ul>
     *   <li>MATMUL memory (eq. 25): forward 2·B·L·d, backward 2·B·L·d (the gradient into u).
     *   <li>RECURRENT memory (eq. 19): forward 2·B·d² per step for L−1 steps, backward the same (Ā is fixed,
     *       so only the state's gradient is computed).
     *   <li>FFT memory (eq. 26), n = 2L: a real FFT of size n costs about 2.5·n·log₂n; forward one FFT per
     *       row of u, a complex product 6·B·d·(L+1) and d inverse FFTs per row; backward the same again.
     *   <li>RAW memory: a direct causal convolution charged 2·B·d·L² forward (the zero half of the padded
     *       input is multiplied too) and the same backward.
     *   <li>Hidden layer W_m m + W_x x + b: 2·R·(d+1)·H forward and twice that backward, where R = B for
     *       {@code lmu-final} and B·L for {@code lmu-sequence}.
     *   <li>Read-out: 6·B·H·10.
     * </ul>
     */
    @Override
    public double flops(Block block) {
        return flops(resolved(block));
    }

    /**
     * Counts one training step's FLOPs in a concrete mode (see {@link #flops(Block)}).
     *
     * @param mode a concrete mode
     * @return FLOPs
     */
    public double flops(MemoryMode mode) {
        double b = batch;
        double l = length;
        double d = order;
        double memory;
        switch (mode) {
            case MATMUL:
                memory = 4 * b * l * d;
                break;
            case RECURRENT:
                memory = 4 * b * d * d * (l - 1);
                break;
            case RAW:
                memory = 4 * b * d * l * l;
                break;
            case FFT:
                double n = 2 * l;
                double fft = 2.5 * n * (Math.log(n) / Math.log(2));
                memory = 2 * (b * fft + 6 * b * d * (l + 1) + b * d * fft);
                break;
            default:
                throw new IllegalArgumentException("not a concrete mode: " + mode);
        }
        double rows = sequence ? b * l : b;
        return memory + 6 * rows * (d + 1) * hidden + 6 * b * hidden * CLASSES;
    }
}
