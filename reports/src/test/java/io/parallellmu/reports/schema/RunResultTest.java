package io.parallellmu.reports.schema;

import io.parallellmu.vocabulary.DataKind;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.reports.Fixtures;
import org.junit.jupiter.api.Test;

class RunResultTest {

    @Test
    void builderFillsEveryColumnAndTheKey() {
        RunResult run = Fixtures.psmnist(ModelFamily.LSTM, 7, 0.9);
        assertEquals(new RunKey(TaskId.PSMNIST, ModelFamily.LSTM, "quick", 7), run.key());
        assertEquals(Fixtures.ENVIRONMENT, run.environment());
        assertEquals("train=800;valid=100;test=100", run.splitSizes().toString());
        assertEquals(24, RunResult.class.getRecordComponents().length);
    }

    @Test
    void builderNamesTheMissingSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunResult.builder()
                        .setKey(new RunKey(TaskId.QQP, ModelFamily.LMU, "quick", 1))
                        .setParameters(10)
                        .build());
        assertEquals("data (setData) is required", e.getMessage());
    }

    @Test
    void accuracyMustBeAFraction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.psmnist(ModelFamily.LMU, 1, 98.5));
        assertTrue(e.getMessage().contains("fraction"), e.getMessage());
    }

    @Test
    void bestEpochCannotFollowTheLastEpoch() {
        RunResult ok = Fixtures.psmnist(ModelFamily.LMU, 1, 0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunResult.builder().setKey(ok.key()).setParameters(1)
                        .setData(ok.dataKind(), "s", "c", ok.splitSizes())
                        .setMetric("accuracy", 0.5, MetricDirection.HIGHER)
                        .setTraining(1, 1, 3, 4)
                        .setEnvironment(ok.environment())
                        .build());
        assertEquals("best epoch 4 is after the last epoch 3", e.getMessage());
    }

    @Test
    void unknownIdsListTheValidOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TaskId.fromId("mnist"));
        assertEquals("unknown task 'mnist'; valid tasks: psmnist, mackey-glass, imdb, qqp, snli, "
                + "iwslt15-en-vi, text8", e.getMessage());
        assertEquals(ModelFamily.ORIGINAL_LMU, ModelFamily.fromId("original-lmu"));
        assertEquals(DataKind.STAND_IN, DataKind.fromId("stand-in"));
    }
}
