package io.parallellmu.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/**
 * Normalised root-mean-square error: RMSE divided by the standard deviation of the target.
 *
 * <p>NRMSE = sqrt(mean((ŷ − y)²)) / std(y), where both the mean and the (population, divide-by-n) standard
 * deviation run over every target value of the evaluated split. A model that always predicts the target's mean
 * scores 1; a perfect model scores 0. This is the normalisation of the Mackey-Glass experiment in Voelker et
 * al. (2019). Predictions and labels are the first arrays of their lists and must have the same shape.
 */
public final class Nrmse implements Metric {

    private double count;
    private double squaredError;
    private double targetSum;
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
        targetSum = 0;
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
        targetSum += target.sum().getDouble();
        targetSquaredSum += target.square().sum().getDouble();
    }

    /** {@inheritDoc} */
    @Override
    public double value() {
        if (count == 0) {
            throw new IllegalStateException("nrmse: no predictions were added");
        }
        double mean = targetSum / count;
        double variance = targetSquaredSum / count - mean * mean;
        if (variance <= 0) {
            throw new IllegalStateException("nrmse: the target is constant, so its standard deviation is 0");
        }
        return Math.sqrt(squaredError / count) / Math.sqrt(variance);
    }
}
