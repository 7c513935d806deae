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
 * {@code lmu-final-theta} is {@code lmu-final} with θ trainable, so that the two rows show what learning θ costs;
 * its f₁ is the identity, because with ReLU on this one-feature input the memory's input can be zero for the whole
 * batch, and then θ gets no gradient, never moves, and its kernels are never rebuilt: the cost would be hidden.
 *
 * @param sequence whether the hidden layer runs at every step
 * @param memoryMode the memory mode
 * @param batch B
 * @param length L (also θ)
 * @param order d
 * @param hidden H
 * @param trainableTheta whether θ is learned
 */
public record LmuSpeedCase(
        boolean sequence, MemoryMode memoryMode, int batch, int length, int order, int hidden, boolean trainableTheta)
        implements SpeedCase {

    /**
     * Creates a case with θ fixed.
     *
     * @param sequence whether the hidden layer runs at every step
     * @param memoryMode the memory mode
     * @param batch B
     * @param length L (also θ)
     * @param order d
     * @param hidden H
     */
    public LmuSpeedCase(boolean sequence, MemoryMode memoryMode, int batch, int length, int order, int hidden) {
        this(sequence, memoryMode, batch, length, order, hidden, false);
    }

    /** {@inheritDoc} */
    @Override
    public String configuration() {
        return (sequence ? "lmu-sequence" : "lmu-final") + (trainableTheta ? "-theta" : "");
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
                        .optInputActivation(trainableTheta ? Nonlinearity.IDENTITY : Nonlinearity.RELU)
                        .optHiddenActivation(Nonlinearity.RELU)
                        .optMode(memoryMode)
                        .optReturnSequences(sequence)
                        .optTrainableTheta(trainableTheta)
                        .build();
        SequentialBlock block = new SequentialBlock().add(lmu);
        if (sequence) {
            block.add(x -> new NDList(x.head().get(new NDIndex(":, -1")))); // (B, L, H) → (B, H)
        }
        return block.add(Linear.builder().setUnits(CLASSES).build());
    }

    /** Returns the mode that actually ran: AUTO's choice for this shape. */
    private MemoryMode resolved(Block block) {
        LmuLayer lmu = (LmuLayer) block.getChildren().get(0).getValue();
        return lmu.modeUsedFor(inputShape())
                .orElseThrow(() -> new IllegalStateException("the model has not run on " + inputShape() + " yet"));
    }

    /** {@inheritDoc} */
    @Override
    public String note(Block block) {
        return memoryMode == MemoryMode.AUTO ? "AUTO chose " + resolved(block) : "";
    }

    /**
     * Counts one training step's FLOPs (forward and backward; the optimizer's element-wise work is left
     * out), with C = 1 memory channel and fft(n) = 2.5·n·log₂n for a real FFT of size n = 2L:
     *
     * <ul>
     *   <li>{@code lmu-final}, MATMUL (eq. 25): 2·B·L·d forward and again backward (the gradient into u).
     *   <li>RECURRENT (eq. 19): 2·B·d² per step for L−1 steps, forward and again backward (Ā is fixed, so
     *       only the state's gradient is computed).
     *   <li>{@code lmu-final}, FFT (eq. 26): fft of each of the B input rows, a complex product 6·B·d·(L+1)
     *       and B·d inverse FFTs; backward the same again.
     *   <li>{@code lmu-final}, RAW: a direct causal convolution, 2·B·d·L² (the zero half of the padded input
     *       is multiplied too) forward and again backward.
     *   <li>{@code lmu-sequence}, FFT and RAW: W_m is folded into the kernel, K = W_m H (2·H·d·L forward and
     *       again backward for the gradient of W_m), then H output channels are convolved. FFT: forward
     *       (B + H + B·H)·fft(2L) + 6·B·H·(L+1), backward (B·H + B + H)·fft(2L) + 12·B·H·(L+1). RAW: 2·B·H·L²
     *       forward and twice that backward.
     *   <li>The hidden layer W_m m + W_x x + b where m is materialised: 2·R·(d+1)·H forward and twice that
     *       backward, with R = B for {@code lmu-final} and B·L for {@code lmu-sequence} RECURRENT; only the
     *       skip term 6·B·L·H remains for folded sequences.
     *   <li>Read-out: 6·B·H·10.
     * </ul>
     *
     * <p>A trainable θ adds work the count leaves out: per step, the O(d³) discretisation at the new θ and the
     * O(d²L) stepping of H and dH/dθ, in Java {@code double}, and one scaled add per kernel in the graph.
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
        double h = hidden;
        double fft = 2.5 * (2 * l) * (Math.log(2 * l) / Math.log(2));
        double readOut = 6 * b * h * CLASSES;
        if (sequence && (mode == MemoryMode.FFT || mode == MemoryMode.RAW)) {
            double kernel = 4 * h * d * l;
            double convolution =
                    mode == MemoryMode.FFT
                            ? (2 * (b + h + b * h)) * fft + 18 * b * h * (l + 1)
                            : 6 * b * h * l * l;
            return kernel + convolution + 6 * b * l * h + readOut;
        }
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
                memory = 2 * (b * fft + 6 * b * d * (l + 1) + b * d * fft);
                break;
            default:
                throw new IllegalArgumentException("not a concrete mode: " + mode);
        }
        double rows = sequence ? b * l : b;
        return memory + 6 * rows * (d + 1) * h + readOut;
    }
}
