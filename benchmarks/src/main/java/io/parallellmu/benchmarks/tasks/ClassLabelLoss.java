package io.parallellmu.benchmarks.tasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * DJL's softmax cross-entropy on class labels of any numeric type. The data sets give float32 (psMNIST) or int32
 * (word tasks) class ids, while the PyTorch engine's {@code pick} needs int64 indices; this casts them first.
 */
final class ClassLabelLoss extends Loss {

    private final Loss softmax = Loss.softmaxCrossEntropyLoss();

    ClassLabelLoss() {
        super("SoftmaxCrossEntropyLoss");
    }

    /** {@inheritDoc} */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        try (NDArray classes = labels.get(0).toType(DataType.INT64, false)) {
            return softmax.evaluate(new NDList(classes), predictions);
        }
    }
}
