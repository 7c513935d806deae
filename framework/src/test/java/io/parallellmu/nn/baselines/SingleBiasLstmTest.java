package io.parallellmu.nn.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

/** The single-bias LSTM is PyTorch's LSTM with b_ih = its bias column and b_hh = 0, at Keras' parameter count. */
class SingleBiasLstmTest {

    private static final int HIDDEN = 4;
    private static final int FEATURES = 2;

    @Test
    void hasKerasParameterCountAndForgetBiasOne() {
        try (NDManager manager = NDManager.newBaseManager()) {
            checkInitialisation(manager);
        }
    }

    private static void checkInitialisation(NDManager manager) {
        SingleBiasLstm lstm = new SingleBiasLstm(HIDDEN, 2, 0f);
        lstm.initialize(manager, DataType.FLOAT32, new Shape(1, 4, FEATURES));
        long count = lstm.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
        assertEquals(4L * HIDDEN * (FEATURES + HIDDEN + 1) + 4L * HIDDEN * (HIDDEN + HIDDEN + 1), count);
        NDArray inputWeights = lstm.getParameters().values().stream().map(Parameter::getArray)
                .filter(a -> a.getShape().equals(new Shape(4L * HIDDEN, FEATURES + 1))).findFirst().orElseThrow();
        float[] bias = inputWeights.get(new NDIndex(":, {}", FEATURES)).toFloatArray();
        float[] expected = new float[4 * HIDDEN];
        for (int i = HIDDEN; i < 2 * HIDDEN; i++) {
            expected[i] = 1f; // PyTorch's gate order: input, forget, cell, output
        }
        assertArrayEquals(expected, bias);
    }

    @Test
    void equalsATwoBiasLstmWhoseSecondBiasIsZero() {
        try (NDManager manager = NDManager.newBaseManager()) {
            checkEquivalence(manager);
        }
    }

    private static void checkEquivalence(NDManager manager) {
        NDArray x = manager.randomNormal(new Shape(2, 5, FEATURES));
        SingleBiasLstm single = new SingleBiasLstm(HIDDEN, 1, 0f);
        single.initialize(manager, DataType.FLOAT32, x.getShape());
        manager.getEngine().setRandomSeed(3);
        NDArray column = manager.randomNormal(new Shape(4L * HIDDEN, 1)); // a bias that is not Keras' initial one
        NDArray withBias = null;
        NDArray recurrent = null;
        for (Pair<String, Parameter> pair : single.getParameters()) {
            NDArray array = pair.getValue().getArray();
            if (pair.getKey().contains("i2h")) {
                array.set(new NDIndex(":, {}", FEATURES), column.squeeze(1));
                withBias = array;
            } else {
                recurrent = array;
            }
        }
        LSTM reference = LSTM.builder().setStateSize(HIDDEN).setNumLayers(1).optBatchFirst(true).optReturnState(false)
                .build();
        reference.initialize(manager, DataType.FLOAT32, x.getShape());
        for (Pair<String, Parameter> pair : reference.getParameters()) {
            String name = pair.getKey();
            NDArray array = pair.getValue().getArray();
            NDArray value;
            if (name.contains("i2h") && name.contains("WEIGHT")) {
                value = withBias.get(new NDIndex(":, :{}", FEATURES));
            } else if (name.contains("h2h") && name.contains("WEIGHT")) {
                value = recurrent;
            } else if (name.contains("i2h")) {
                value = column.squeeze(1);
            } else {
                value = array.zerosLike();
            }
            value.copyTo(array);
        }
        ParameterStore store = new ParameterStore(manager, false);
        float[] expected = reference.forward(store, new NDList(x), false).head().toFloatArray();
        float[] actual = single.forward(store, new NDList(x), false).head().toFloatArray();
        assertArrayEquals(expected, actual, 1e-6f);
    }
}
