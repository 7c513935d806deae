package io.parallellmu.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import io.parallellmu.metrics.TokenCrossEntropy;

/**
 * Softmax cross-entropy over padded sequences, averaged over real (unpadded) tokens.
 *
 * <p>DJL's {@code MaskedSoftmaxCrossEntropyLoss} calls {@code sequenceMask}, which throws on PyTorch; this loss
 * builds its mask by comparing positions with lengths instead. Labels are {@code [targets (B, L)]} (every
 * position counts) or {@code [targets (B, L), lengths (B)]}; predictions are {@code [logits (B, L, V)]}.
 */
public final class MaskedSoftmaxCrossEntropyLoss extends Loss {

    /** Creates the loss under the name {@code masked_softmax_ce}. */
    public MaskedSoftmaxCrossEntropyLoss() {
        super("masked_softmax_ce");
    }

    /** {@inheritDoc} */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDList perToken = TokenCrossEntropy.perToken(labels, predictions.get(0));
        NDArray weights = perToken.get(1); // (B, L)
        return perToken.get(0).mul(weights).sum().div(weights.sum().maximum(1f)); // ()
    }
}
