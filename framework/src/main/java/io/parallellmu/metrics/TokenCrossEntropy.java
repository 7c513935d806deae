package io.parallellmu.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import io.parallellmu.nn.transformer.Masks;

/**
 * Softmax cross-entropy in nats per target token, with padding excluded through a length mask.
 *
 * <p>Shared by the masked training loss and the bits-per-character metric so that both count the same tokens.
 */
public final class TokenCrossEntropy {

    private TokenCrossEntropy() {}

    /**
     * Returns the per-token negative log-likelihood and the mask of tokens that count.
     *
     * @param labels {@code [targets (B, L) ids]} or {@code [targets (B, L), lengths (B)]}
     * @param logits unnormalised scores (B, L, V)
     * @return {@code [nll (B, L) float32, weights (B, L) float32 with 1 for counted tokens and 0 for padding]}
     */
    public static NDList perToken(NDList labels, NDArray logits) {
        NDArray targets = labels.get(0).toType(DataType.INT64, false); // (B, L)
        NDArray logProbabilities = logits.logSoftmax(-1); // (B, L, V)
        NDArray nll = logProbabilities.gather(targets.expandDims(-1), -1).squeeze(-1).neg(); // (B, L)
        NDArray weights = labels.size() > 1
                ? Masks.lengthMask(labels.get(1), targets.getShape().get(1)).toType(DataType.FLOAT32, false)
                : nll.onesLike(); // (B, L)
        return new NDList(nll, weights);
    }
}
