package io.parallellmu.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import io.parallellmu.nn.transformer.Masks;

/**
 * Fraction of predictions whose arg-max class equals the label.
 *
 * <p>Predictions are logits (B, C), with labels (B); or per-position logits (B, L, C), with labels (B, L) and an
 * optional second label array of valid lengths (B) so that padded positions are not counted.
 */
public final class Accuracy implements Metric {

    private long correct;
    private long total;

    /** {@inheritDoc} */
    @Override
    public String name() {
        return "accuracy";
    }

    /** {@inheritDoc} */
    @Override
    public boolean higherIsBetter() {
        return true;
    }

    /** {@inheritDoc} */
    @Override
    public void reset() {
        correct = 0;
        total = 0;
    }

    /** {@inheritDoc} */
    @Override
    public void update(NDList labels, NDList predictions) {
        NDArray target = labels.get(0);
        NDArray logits = predictions.get(0);
        NDArray hits = logits.argMax(-1).toType(DataType.INT64, false).eq(target.toType(DataType.INT64, false));
        if (labels.size() > 1 && target.getShape().dimension() == 2) {
            NDArray valid = Masks.lengthMask(labels.get(1), target.getShape().get(1)); // (B, L)
            correct += hits.logicalAnd(valid).countNonzero().getLong();
            total += valid.countNonzero().getLong();
        } else {
            correct += hits.countNonzero().getLong();
            total += target.size();
        }
    }

    /** {@inheritDoc} */
    @Override
    public double value() {
        if (total == 0) {
            throw new IllegalStateException("accuracy: no predictions were added");
        }
        return (double) correct / total;
    }
}
