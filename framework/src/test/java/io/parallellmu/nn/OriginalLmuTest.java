package io.parallellmu.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import io.parallellmu.lti.DiscreteLtiSystem;
import io.parallellmu.lti.Discretizer;
import org.junit.jupiter.api.Test;

/** The original LMU layer against its equations evaluated in plain Java. */
class OriginalLmuTest {

    @Test
    void layerFollowsTheOriginalEquations() {
        int order = 4;
        double theta = 5;
        int hidden = 3;
        int features = 2;
        int length = 12;
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(2);
            OriginalLmu lmu = OriginalLmu.builder().setOrder(order).setTheta(theta).setHiddenSize(hidden).build();
            // every weight non-zero, so that each term of the equations is exercised
            lmu.setInitializer(new NormalInitializer(0.5f), p -> true);
            lmu.initialize(manager, DataType.FLOAT32, new Shape(1, length, features));
            NDArray x = manager.randomNormal(new Shape(1, length, features));
            float[] out =
                    lmu.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow().toFloatArray();

            double[][] ex = value(lmu, "inputEncoder");
            double[][] eh = value(lmu, "hiddenEncoder");
            double[][] em = value(lmu, "memoryEncoder");
            double[][] wx = value(lmu, "inputKernel");
            double[][] wh = value(lmu, "hiddenKernel");
            double[][] wm = value(lmu, "memoryKernel");
            double[] b = value(lmu, "bias")[0];
            DiscreteLtiSystem system = Discretizer.ZOH.legendre(order, theta);
            double[][] a = system.stateMatrix();
            double[] bb = system.inputMatrix();
            float[] xs = x.toFloatArray();
            double[] h = new double[hidden];
            double[] m = new double[order];
            for (int t = 0; t < length; t++) {
                double u = 0;
                for (int f = 0; f < features; f++) {
                    u += ex[0][f] * xs[t * features + f];
                }
                for (int j = 0; j < hidden; j++) {
                    u += eh[0][j] * h[j];
                }
                for (int i = 0; i < order; i++) {
                    u += em[0][i] * m[i];
                }
                double[] next = new double[order];
                for (int i = 0; i < order; i++) {
                    next[i] = bb[i] * u;
                    for (int j = 0; j < order; j++) {
                        next[i] += a[i][j] * m[j];
                    }
                }
                m = next;
                double[] hNext = new double[hidden];
                for (int k = 0; k < hidden; k++) {
                    double s = b[k];
                    for (int f = 0; f < features; f++) {
                        s += wx[k][f] * xs[t * features + f];
                    }
                    for (int j = 0; j < hidden; j++) {
                        s += wh[k][j] * h[j];
                    }
                    for (int i = 0; i < order; i++) {
                        s += wm[k][i] * m[i];
                    }
                    hNext[k] = Math.tanh(s);
                }
                h = hNext;
                for (int k = 0; k < hidden; k++) {
                    assertEquals(h[k], out[t * hidden + k], 1e-5, "h[" + t + "][" + k + "]");
                }
            }
        }
    }

    private static double[][] value(OriginalLmu lmu, String name) {
        Parameter p =
                lmu.getParameters().values().stream().filter(q -> q.getName().equals(name)).findFirst().orElseThrow();
        NDArray array = p.getArray();
        Shape shape = array.getShape();
        long rows = shape.dimension() == 1 ? 1 : shape.get(0);
        long cols = shape.dimension() == 1 ? shape.get(0) : shape.get(1);
        double[] flat = array.toType(DataType.FLOAT64, false).toDoubleArray();
        double[][] out = new double[(int) rows][(int) cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, (int) (r * cols), out[r], 0, (int) cols);
        }
        return out;
    }

    /**
     * A forward pass, trained or not, leaves nothing with the manager that holds the parameters: arrays computed
     * from parameters once belonged to it and stayed for the model's life, with about 0.45 GB of native memory per
     * pass of the 2019 Mackey-Glass model.
     */
    @Test
    void aForwardPassLeavesNoArrayWithTheParametersManager() {
        try (NDManager manager = NDManager.newBaseManager()) {
            OriginalLmu lmu = OriginalLmu.builder().setOrder(4).setTheta(4).setHiddenSize(6)
                    .optReturnSequences(true).build();
            lmu.initialize(manager, DataType.FLOAT32, new Shape(2, 7, 3));
            ParameterStore store = new ParameterStore(manager, false);
            int before = manager.getManagedArrays().size();
            for (boolean training : new boolean[] {true, false}) {
                try (NDManager batch = manager.newSubManager();
                        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray out = lmu.forward(store, new NDList(batch.randomNormal(new Shape(2, 7, 3))), training)
                            .singletonOrThrow(); // (2, 7, 6)
                    collector.backward(out.sum());
                }
                lmu.getParameters().values().forEach(p -> p.getArray().getGradient().close());
            }
            assertEquals(before, manager.getManagedArrays().size(), "arrays left with the parameters' manager");
        }
    }
}
