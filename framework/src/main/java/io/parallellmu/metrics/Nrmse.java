package io.parallellmu.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/**
 * Normalised root-mean-square error: RMSE divided by the root mean square of the target.
 *
 * <p>NRMSE = sqrt(mean((ŷ − y)²)) / sqrt(mean(y²)), both means over every target value of the evaluated split, as
 * nengolib's {@code nrmse} computes it for the Mackey-Glass experiment of Voelker et al. (2019). A model that always
 * predicts 0 scores 1; a perfect model scores 0. On targets centred to mean 0 this equals RMSE / std(y).
 * Predictions and labels are the first arrays of their lists and must have the same shape.
 */
public final class Nrmse implements Metric {

    private double count;
    private double squaredError;
    private double targetSquaredSum;

    /** {@inheritDoc} */
    @Override
    public String name() {
        return "nrmse";
    }

    /** {@inheritDoc} */
    @Override
    public boolean higherIsBetter() {
        return false;
    }

    /** {@inheritDoc} */
    @Override
    public void reset() {
        count = 0;
        squaredError = 0;
        targetSquaredSum = 0;
    }

    /** {@inheritDoc} */
    @Override
    public void update(NDList labels, NDList predictions) {
        NDArray target = labels.get(0).toType(DataType.FLOAT64, false);
        NDArray prediction = predictions.get(0).toType(DataType.FLOAT64, false);
        if (!target.getShape().equals(prediction.getShape())) {
            throw new IllegalArgumentException(
                    "nrmse: prediction shape " + prediction.getShape() + " differs from target shape "
                            + target.getShape());
        }
        count += target.size();
        squaredError += prediction.sub(target).square().sum().getDouble();
        targetSquaredSum += target.square().sum().getDouble();
    }

    /** {@inheritDoc} */
    @Override
    public double value() {
        if (count == 0) {
            throw new IllegalStateException("nrmse: no predictions were added");
        }
        if (targetSquaredSum <= 0) {
            throw new IllegalStateException("nrmse: every target is 0, so their root mean square is 0");
        }
        return Math.sqrt(squaredError / targetSquaredSum);
    }
}
