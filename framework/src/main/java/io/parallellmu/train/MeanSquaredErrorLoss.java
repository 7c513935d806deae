package io.parallellmu.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Mean squared error, mean((ŷ − y)²) over every element, without DJL's L2Loss factor of one half.
 *
 * <p>Labels and predictions are the first arrays of their lists and must have the same shape.
 */
public final class MeanSquaredErrorLoss extends Loss {

    /** Creates the loss under the name {@code mse}. */
    public MeanSquaredErrorLoss() {
        super("mse");
    }

    /** {@inheritDoc} */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray target = labels.get(0);
        NDArray prediction = predictions.get(0);
        if (!target.getShape().equals(prediction.getShape())) {
            throw new IllegalArgumentException(
                    "mse: prediction shape " + prediction.getShape() + " differs from target shape "
                            + target.getShape());
        }
        return prediction.sub(target).square().mean();
    }
}
