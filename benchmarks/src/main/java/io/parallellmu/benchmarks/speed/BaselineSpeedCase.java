package io.parallellmu.benchmarks.speed;

import ai.djl.nn.Block;
import io.parallellmu.models.FamilyConfig;
import io.parallellmu.models.LstmConfig;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.models.OriginalLmuConfig;
import io.parallellmu.models.SsmConfig;
import io.parallellmu.models.TaskModels;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.models.TransformerConfig;
import java.util.function.DoubleBinaryOperator;

/**
 * A baseline family's psMNIST-shaped classifier, built by the framework's task models exactly as the
 * suite trains it: the original LMU, DJL's LSTM, the project's pre-LayerNorm transformer encoder, or the diagonal
 * SSM. Their
 * speed-ups are against {@value SpeedStudy#COMMON_BASELINE} RECURRENT, the common yardstick.
 *
 * @param name the configuration name, such as {@code lstm-128}
 * @param family the family's configuration
 * @param batch B
 * @param length L
 * @param cost the FLOPs and least memory of one training step, as the factory for the family computes them
 */
public record BaselineSpeedCase(String name, FamilyConfig family, int batch, int length, StepCost cost)
        implements SpeedCase {

    /** FLOPs of one training step (forward plus backward) and the least memory it needs, of (B, L). */
    public record StepCost(DoubleBinaryOperator flops, DoubleBinaryOperator minimumBytes) {

        static StepCost ofFlops(DoubleBinaryOperator flops) {
            return new StepCost(flops, (b, l) -> 0);
        }
    }

    /**
     * The original LMU of the 2019 paper's psMNIST model (order 256, hidden 212) with θ = L.
     *
     * @param batch B
     * @param length L
     * @return the case
     */
    public static BaselineSpeedCase originalLmu(int batch, int length) {
        OriginalLmuConfig lmu = new OriginalLmuConfig(256, length, 212, 1);
        return new BaselineSpeedCase("original-lmu", lmu, batch, length, StepCost.ofFlops((b, l) -> {
            double h = lmu.hiddenSize();
            double d = lmu.order();
            double weights = 2 * b * (h + d) + 2 * b * h * (h + d) + 2 * b * (1 + h);
            return l * (3 * weights + 2 * (2 * b * d * d)) + readOut(b, h);
        }));
    }

    /**
     * A one-layer LSTM of a given size.
     *
     * @param name the configuration name
     * @param hidden the state size
     * @param batch B
     * @param length L
     * @return the case
     */
    public static BaselineSpeedCase lstm(String name, int hidden, int batch, int length) {
        double h = hidden;
        return new BaselineSpeedCase(name, new LstmConfig(hidden, 1, false, 0f), batch, length,
                StepCost.ofFlops((b, l) -> l * 3 * (2 * b * 4 * h * (1 + h)) + readOut(b, h)));
    }

    /**
     * The psMNIST transformer default (D 64, 4 heads, 3 layers, FFN 300: 167,886 parameters, matching the
     * LMU's 166,092).
     *
     * @param batch B
     * @param length L
     * @return the case
     */
    public static BaselineSpeedCase transformer(int batch, int length) {
        TransformerConfig t = new TransformerConfig(64, 4, 3, 300, 0f);
        double dm = t.modelSize();
        return new BaselineSpeedCase("transformer", t, batch, length, new StepCost(
                (b, l) -> 3 * t.layers() * (8 * b * l * dm * dm + 4 * b * l * l * dm + 4 * b * l * dm * t.feedForwardSize())
                        + readOut(b, dm),
                (b, l) -> 4.0 * 4 * b * t.heads() * l * l * t.layers()));
    }

    /**
     * The psMNIST diagonal-SSM default without dropout (4 layers, width 128, N 64: 166,922 parameters, matching the
     * LMU's 166,092), its layers in AUTO mode (FFT or RAW, timed).
     *
     * @param batch B
     * @param length L
     * @return the case
     */
    public static BaselineSpeedCase ssm(int batch, int length) {
        SsmConfig ssm = new SsmConfig(64, 128, 4, 0f);
        double h = ssm.width();
        double p = ssm.stateSize() / 2.0;
        return new BaselineSpeedCase("ssm", ssm, batch, length, StepCost.ofFlops((b, l) -> {
            double fft = 2.5 * (2 * l) * (Math.log(2 * l) / Math.log(2));
            double perLayer = 12 * h * p * l + (2 * b * h + h) * fft + 6 * b * h * (l + 1) + 2 * b * l * h * h;
            return 3 * (ssm.layers() * perLayer + 2 * b * l * h) + readOut(b, h);
        }));
    }

    /** {@inheritDoc} */
    @Override
    public String configuration() {
        return name;
    }

    /** {@inheritDoc} */
    @Override
    public String mode() {
        return family.parallelInTime() ? "parallel" : "sequential";
    }

    /** {@inheritDoc} */
    @Override
    public Block build() {
        return TaskModels.create(ModelConfig.of(TaskSpec.sequenceClassification(1, CLASSES), family));
    }

    /** {@inheritDoc} */
    @Override
    public String note(Block block) {
        return "speed-up against " + SpeedStudy.COMMON_BASELINE + " RECURRENT";
    }

    /**
     * For the transformer, the attention's scores, softmax and their gradients: four (B·heads·L²) float
     * arrays per layer; 0 for the recurrent families.
     */
    @Override
    public double minimumBytes() {
        return cost.minimumBytes().applyAsDouble(batch, length);
    }

    /**
     * FLOPs of one training step, forward plus backward at about twice the forward's products:
     *
     * <ul>
     *   <li>LSTM: 2·B·4H·(1+H) per step forward.
     *   <li>Original LMU: per step, the encoders 2·B·(H+d), the memory 2·B·d² and the hidden kernels
     *       2·B·H·(H+d), plus the input projections 2·B·(1+H); the fixed memory's backward is one state
     *       product.
     *   <li>Transformer, per layer: projections 8·B·L·D², attention scores and mixing 4·B·L²·D, the
     *       feed-forward 4·B·L·D·F.
     *   <li>Diagonal SSM, per layer of width H with P = N/2 modes: the Vandermonde kernel, two (1×P)(P×L) products
     *       and about 8 element-wise operations per (H, P, L) entry, 12·H·P·L; the FFT convolution of B·H channels,
     *       (2·B·H + H)·fft(2L) + 6·B·H·(L+1) with fft(n) = 2.5·n·log₂n; the mixing layer 2·B·L·H². The input
     *       projection 2·B·L·H once.
     * </ul>
     *
     * <p>Plus the read-out 6·B·H·10 (its input projection is negligible).
     */
    @Override
    public double flops(Block block) {
        return cost.flops().applyAsDouble(batch, length);
    }

    /** The read-out's training step, 6·B·H·10. */
    private static double readOut(double batch, double width) {
        return 6 * batch * width * CLASSES;
    }
}
