package io.parallellmu.train;

import io.parallellmu.vocabulary.Split;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import io.parallellmu.metrics.Accuracy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop on a tiny, learnable problem: is the sum of 4 features positive? With dropout, to exercise RNG. */
class TrainingLoopTest {

    private static final int FEATURES = 4;

    @TempDir
    Path temp;

    private static ArrayDataset dataset(NDManager manager, int size, long seed) {
        Random random = new Random(seed);
        float[] x = new float[size * FEATURES];
        long[] y = new long[size];
        for (int i = 0; i < size; i++) {
            float sum = 0;
            for (int f = 0; f < FEATURES; f++) {
                x[i * FEATURES + f] = (float) random.nextGaussian();
                sum += x[i * FEATURES + f];
            }
            y[i] = sum > 0 ? 1 : 0;
        }
        return new ArrayDataset.Builder()
                .setData(manager.create(x, new Shape(size, FEATURES)))
                .optLabels(manager.create(y))
                .setSampling(16, true)
                .build();
    }

    private static Model model() {
        Model model = Model.newInstance("tiny");
        model.setBlock(new SequentialBlock()
                .add(Linear.builder().setUnits(16).build())
                .add(Activation::relu)
                .add(Dropout.builder().optRate(0.2f).build())
                .add(Linear.builder().setUnits(2).build()));
        return model;
    }

    private TrainingLoop.Builder loop(int epochs) {
        return TrainingLoop.builder()
                .setEpochs(epochs)
                .optSeed(11)
                .optLearningRate(LearningRates.warmUpCosine(0.02f, 0f, 4, epochs * 8))
                .optClipNorm(1f)
                .optValidationMetric(Accuracy::new)
                .optProgressBar(false)
                .optConfig(List.of("tiny", epochs));
    }

    private static float[] parameters(Model model) {
        List<Float> values = new ArrayList<>();
        model.getBlock().getParameters().values().forEach(p -> {
            for (float v : p.getArray().toFloatArray()) {
                values.add(v);
            }
        });
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private record Outcome(TrainingResult result, float[] parameters) {}

    private Outcome train(TrainingLoop loop) throws Exception {
        try (NDManager data = NDManager.newBaseManager(); Model model = model()) {
            TrainingResult result = loop.fit(model, Loss.softmaxCrossEntropyLoss(), dataset(data, 128, 1),
                    dataset(data, 64, 2), new Shape(16, FEATURES));
            return new Outcome(result, parameters(model));
        }
    }

    @Test
    void learnsAndRepeatsExactlyWithTheSameSeed() throws Exception {
        List<EpochMetric> heard = new ArrayList<>();
        Outcome first = train(loop(4).addListener((e, s, m, v) -> heard.add(new EpochMetric(e, s, m, v))).build());
        Outcome second = train(loop(4).build());
        assertTrue(first.result().value(4, Split.VALIDATION, "accuracy") >= 0.8,
                "validation accuracy " + first.result().value(4, Split.VALIDATION, "accuracy"));
        assertEquals(withoutTimings(first.result().history()), withoutTimings(second.result().history()));
        assertArrayEquals(first.parameters(), second.parameters(), 0f);
        assertEquals(first.result().history(), heard);
        assertEquals(4 * 4, heard.size()); // train loss, steps/s, validation loss, validation accuracy per epoch
        assertEquals(32, first.result().steps());
    }

    @Test
    void resumingAfterAKillRepeatsTheUninterruptedRun() throws Exception {
        Outcome uninterrupted = train(loop(3).build());

        Path checkpoints = temp.resolve("run");
        Outcome killed = train(loop(3).optCheckpoints(checkpoints, 5).optMaxSteps(13).build());
        assertTrue(killed.result().reachedStepLimit());
        assertEquals(10, Checkpoints.readState(checkpoints, Checkpoints.LATEST).step()); // steps 11–13 are lost
        Outcome resumed = train(loop(3).optCheckpoints(checkpoints, 5).optResume(true).build());

        assertEquals(24, resumed.result().steps());
        assertEquals(withoutTimings(uninterrupted.result().history()), withoutTimings(resumed.result().history()));
        assertArrayEquals(uninterrupted.parameters(), resumed.parameters(), 0f);
        assertTrue(Checkpoints.exists(checkpoints, Checkpoints.BEST));
        assertEquals(uninterrupted.result().bestEpoch(), resumed.result().bestEpoch());
    }

    private static List<EpochMetric> withoutTimings(List<EpochMetric> history) {
        return history.stream().filter(m -> !m.metric().equals("steps_per_second")).toList();
    }

    @Test
    void resumeRefusesACheckpointOfAnotherConfiguration() throws Exception {
        Path checkpoints = temp.resolve("other");
        train(loop(1).optCheckpoints(checkpoints, 0).build());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> train(loop(2).optCheckpoints(checkpoints, 0).optResume(true).build()));
        assertTrue(e.getMessage().contains("was written for another configuration"), e.getMessage());
    }

    @Test
    void earlyStoppingEndsARunThatStopsImproving() throws Exception {
        TrainingResult result = train(loop(10).optLearningRate(Tracker.fixed(0f)).optEarlyStopping(2).build()).result();
        assertTrue(result.stoppedEarly());
        assertEquals(3, result.epochsCompleted());
        assertEquals(1, result.bestEpoch());
    }

    @Test
    void aNonFiniteLossNamesTheStep() throws Exception {
        try (NDManager data = NDManager.newBaseManager(); Model model = model()) {
            ArrayDataset clean = dataset(data, 32, 3);
            NDArray poisoned = data.create(new float[] {Float.NaN, 0, 0, 0}, new Shape(1, FEATURES));
            ArrayDataset bad = new ArrayDataset.Builder()
                    .setData(poisoned.repeat(0, 32))
                    .optLabels(data.zeros(new Shape(32)))
                    .setSampling(16, false)
                    .build();
            NonFiniteLossException e = assertThrows(NonFiniteLossException.class, () -> loop(1).build()
                    .fit(model, Loss.softmaxCrossEntropyLoss(), bad, clean, new Shape(16, FEATURES)));
            assertEquals("step 1: the training loss is NaN", e.getMessage());
            assertEquals(1, e.epoch(), "the loop names the epoch it diverged in");
        }
    }

    @Test
    void warmUpThenCosine() {
        Tracker schedule = LearningRates.warmUpCosine(1f, 0f, 10, 110);
        assertEquals(0f, schedule.getNewValue(0), 1e-6);
        assertEquals(0.5f, schedule.getNewValue(5), 1e-6);
        assertEquals(1f, schedule.getNewValue(10), 1e-6);
        assertEquals(0.5f, schedule.getNewValue(60), 1e-6);
        assertEquals(0f, schedule.getNewValue(110), 1e-6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearningRates.warmUpCosine(1f, 0f, 10, 10));
        assertEquals("warmUpSteps must be in [0, totalSteps=10), got 10", e.getMessage());
        assertFalse(Files.exists(temp.resolve("nothing")));
    }
}
