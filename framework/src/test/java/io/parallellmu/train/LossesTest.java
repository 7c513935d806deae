package io.parallellmu.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class LossesTest {

    @Test
    void maskedCrossEntropyAveragesOverRealTokensOnly() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // Row 0: two real tokens, uniform over 2 classes (ln 2 each); row 1: one real token, certain (0).
            // The padded positions have huge errors that must not count: mean = 2 ln 2 / 3.
            NDArray logits = manager.create(
                    new float[] {0, 0, 0, 0, 100, -100, 100, -100, 100, -100, 100, -100}, new Shape(2, 3, 2));
            NDList labels = new NDList(
                    manager.create(new long[][] {{0, 1, 1}, {0, 1, 1}}), manager.create(new long[] {2, 1}));
            float loss = new MaskedSoftmaxCrossEntropyLoss().evaluate(labels, new NDList(logits)).getFloat();
            assertEquals(2 * Math.log(2) / 3, loss, 1e-6);
        }
    }

    @Test
    void maskedCrossEntropyWithoutLengthsCountsEveryPosition() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.zeros(new Shape(1, 2, 4));
            NDList labels = new NDList(manager.create(new long[][] {{3, 1}}));
            float loss = new MaskedSoftmaxCrossEntropyLoss().evaluate(labels, new NDList(logits)).getFloat();
            assertEquals(Math.log(4), loss, 1e-6);
        }
    }

    @Test
    void meanSquaredErrorHasNoHalfFactorAndChecksShapes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MeanSquaredErrorLoss mse = new MeanSquaredErrorLoss();
            NDList labels = new NDList(manager.create(new float[] {1, 2, 3, 4}));
            float loss = mse.evaluate(labels, new NDList(manager.create(new float[] {1, 4, 3, 2}))).getFloat();
            assertEquals(2.0, loss, 1e-6);
            NDList wrong = new NDList(manager.create(new float[] {1, 2}));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mse.evaluate(labels, wrong));
            assertEquals("mse: prediction shape (2) differs from target shape (4)", e.getMessage());
        }
    }
}
