package io.parallellmu.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TensorMetricsTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void accuracyCountsArgMaxHitsAcrossBatches() {
        Accuracy accuracy = new Accuracy();
        NDArray logits = manager.create(new float[] {2, 1, 0, 3, 5, 4}, new Shape(3, 2)); // predicts 0, 1, 0
        accuracy.update(new NDList(manager.create(new long[] {0, 1, 1})), new NDList(logits));
        accuracy.update(new NDList(manager.create(new long[] {1})), new NDList(manager.create(new float[][] {{0, 1}})));
        assertEquals(3.0 / 4, accuracy.value(), 1e-12);
        accuracy.reset();
        assertThrows(IllegalStateException.class, accuracy::value);
    }

    @Test
    void sequenceAccuracyIgnoresPaddedPositions() {
        Accuracy accuracy = new Accuracy();
        // (B=1, L=3, C=2) predicting 1, 0, 0; targets 1, 0, 1; only the first two positions are real.
        NDArray logits = manager.create(new float[] {0, 1, 1, 0, 1, 0}, new Shape(1, 3, 2));
        NDList labels = new NDList(manager.create(new long[][] {{1, 0, 1}}), manager.create(new long[] {2}));
        accuracy.update(labels, new NDList(logits));
        assertEquals(1.0, accuracy.value(), 1e-12);
    }

    @Test
    void nrmseIsRmseOverTargetRootMeanSquareAsNengolibComputesIt() {
        Nrmse nrmse = new Nrmse();
        // targets 1, 2, 3, 4: mean square 30 / 4 = 7.5 (not the variance 1.25). Errors 1, -1, 0, 0: MSE 0.5.
        nrmse.update(new NDList(manager.create(new float[] {1, 2})), new NDList(manager.create(new float[] {2, 1})));
        nrmse.update(new NDList(manager.create(new float[] {3, 4})), new NDList(manager.create(new float[] {3, 4})));
        assertEquals(Math.sqrt(0.5) / Math.sqrt(7.5), nrmse.value(), 1e-9);

        Nrmse zeroPredictor = new Nrmse();
        zeroPredictor.update(
                new NDList(manager.create(new float[] {1, -2, 3, 4})),
                new NDList(manager.create(new float[] {0, 0, 0, 0})));
        assertEquals(1.0, zeroPredictor.value(), 1e-9);
    }

    @Test
    void bitsPerCharacterOfAUniformGuessOverFourSymbolsIsTwo() {
        BitsPerCharacter bpc = new BitsPerCharacter();
        NDArray uniform = manager.zeros(new Shape(2, 3, 4));
        bpc.update(new NDList(manager.create(new long[][] {{0, 1, 2}, {3, 0, 1}})), new NDList(uniform));
        assertEquals(2.0, bpc.value(), 1e-6);
    }

    @Test
    void bitsPerCharacterSkipsPaddingAndAveragesOverCharacters() {
        BitsPerCharacter bpc = new BitsPerCharacter();
        // Position 0 is certain (logit 100 on the target), position 1 is uniform over 2 (1 bit); position 2 is
        // padding with a terrible prediction that must not count. Mean = 0.5 bit.
        NDArray logits = manager.create(new float[] {100, 0, 0, 0, -100, 100}, new Shape(1, 3, 2));
        NDList labels = new NDList(manager.create(new long[][] {{0, 1, 0}}), manager.create(new long[] {2}));
        bpc.update(labels, new NDList(logits));
        assertEquals(0.5, bpc.value(), 1e-6);
        assertEquals(1.0, BitsPerCharacter.fromMeanNats(Math.log(2)), 1e-12);
    }
}
