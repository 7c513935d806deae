package io.parallellmu.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The project's one optimizer step, against DJL's own sequence ending in {@link Trainer#step()}. */
class TrainingSessionTest {

    private static final Shape INPUT = new Shape(8, 5);
    private static final Optimisation OPTIMISATION = Optimisation.WARM_UP_COSINE_CLIP_1;

    private static TrainingSetup setup() {
        return TrainingSetup.of(Loss.softmaxCrossEntropyLoss(), OPTIMISATION, 0.05f, 40);
    }

    private static Model model(boolean withBias) {
        Model model = Model.newInstance("session");
        model.setBlock(new SequentialBlock()
                .add(Linear.builder().setUnits(6).optBias(withBias).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(3).optBias(withBias).build()));
        return model;
    }

    private static float[] parameters(Model model) {
        List<float[]> arrays = GradientClipping.trainableArrays(model.getBlock()).stream()
                .map(NDArray::toFloatArray)
                .toList();
        float[] all = new float[arrays.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (float[] array : arrays) {
            System.arraycopy(array, 0, all, at, array.length);
            at += array.length;
        }
        return all;
    }

    @Test
    void stepsExactlyAsDjlsTrainerWithClippingWould() {
        float[] ours;
        float[] djls;
        try (NDManager data = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            NDArray x = data.randomNormal(INPUT).mul(20); // large enough that the clip acts
            NDArray y = data.randomInteger(0, 3, new Shape(INPUT.get(0)), DataType.INT64);
            try (Model model = model(true); TrainingSession session = setup().open(model)) {
                Engine.getInstance().setRandomSeed(7);
                session.initialize(INPUT);
                for (int step = 1; step <= 5; step++) {
                    session.step(new NDList(x), new NDList(y), null);
                }
                ours = parameters(model);
            }
            try (Model model = model(true); TrainingSession reference = setup().open(model)) {
                Engine.getInstance().setRandomSeed(7);
                reference.initialize(INPUT);
                Trainer trainer = reference.trainer();
                List<NDArray> trainable = GradientClipping.trainableArrays(model.getBlock());
                for (int step = 1; step <= 5; step++) {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        collector.backward(trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x))));
                    }
                    double norm = GradientClipping.clipGlobalNorm(trainable, OPTIMISATION.clipNorm());
                    if (step == 1) {
                        assertTrue(norm > OPTIMISATION.clipNorm(), "the first gradient norm " + norm + " is clipped");
                    }
                    trainer.step();
                }
                djls = parameters(model);
            }
        }
        assertArrayEquals(djls, ours, "bit-identical to DJL's update");
    }

    @Test
    void takesAFirstStepWhoseGradientsAreAllZeroWhichDjlRefuses() {
        NDList zeros = new NDList();
        NDList labels = new NDList();
        try (NDManager data = NDManager.newBaseManager()) {
            zeros.add(data.zeros(INPUT));
            labels.add(data.zeros(new Shape(INPUT.get(0)), DataType.INT64));
            try (Model model = model(false); TrainingSession session = setup().open(model)) {
                session.initialize(INPUT);
                float[] before = parameters(model);
                float loss = session.step(zeros, labels, null).loss();
                assertEquals(Math.log(3), loss, 1e-6, "uniform predictions over 3 classes");
                assertArrayEquals(before, parameters(model), "a zero gradient moves nothing");
            }
            try (Model model = model(false); TrainingSession reference = setup().open(model)) {
                reference.initialize(INPUT);
                Trainer trainer = reference.trainer();
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    collector.backward(trainer.getLoss().evaluate(labels, trainer.forward(zeros)));
                }
                assertThrows(IllegalStateException.class, trainer::step, "DJL's first-step check refuses it");
            }
        }
    }

    @Test
    void aRunRefusesANonFiniteStepNamingIt() {
        StepResult finite = new StepResult(0.5f, 2.0);
        assertEquals(finite, finite.requireFinite(1));
        assertEquals("step 3: the gradient norm is NaN (training loss 0.5)", assertThrows(NonFiniteLossException.class,
                () -> new StepResult(0.5f, Double.NaN).requireFinite(3)).getMessage());
        assertEquals("step 4: the training loss is Infinity", assertThrows(NonFiniteLossException.class,
                () -> new StepResult(Float.POSITIVE_INFINITY, 1.0).requireFinite(4)).getMessage());
    }

    @Test
    void refusesToStepBeforeItIsInitialised() {
        try (NDManager data = NDManager.newBaseManager(); Model model = model(true);
                TrainingSession session = setup().open(model)) {
            NDList x = new NDList(data.zeros(INPUT));
            NDList y = new NDList(data.zeros(new Shape(INPUT.get(0)), DataType.INT64));
            assertThrows(IllegalStateException.class, () -> session.step(x, y, null));
        }
    }
}
