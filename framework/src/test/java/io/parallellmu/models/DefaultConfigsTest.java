package io.parallellmu.models;

import io.parallellmu.vocabulary.ModelFamily;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The documented defaults have the documented sizes. */
class DefaultConfigsTest {

    @Test
    void psMnistDefaults() {
        assertEquals(166_092, TaskModels.countParameters(DefaultConfigs.psMnist(ModelFamily.LMU)));
        assertEquals(102_239, TaskModels.countParameters(DefaultConfigs.psMnist(ModelFamily.ORIGINAL_LMU)));
        assertEquals(167_670, TaskModels.countParameters(DefaultConfigs.psMnist(ModelFamily.LSTM)));
        assertEquals(167_886, TaskModels.countParameters(DefaultConfigs.psMnist(ModelFamily.TRANSFORMER)));
        assertEquals(166_922, TaskModels.countParameters(DefaultConfigs.psMnist(ModelFamily.SSM)));
    }

    @Test
    void mackeyGlassDefaultsAreAbout18kEach() {
        assertEquals(18_284, TaskModels.countParameters(DefaultConfigs.mackeyGlass(ModelFamily.LMU)));
        assertEquals(18_246, TaskModels.countParameters(DefaultConfigs.mackeyGlass(ModelFamily.ORIGINAL_LMU)));
        assertEquals(18_426, TaskModels.countParameters(DefaultConfigs.mackeyGlass(ModelFamily.LSTM)));
        assertEquals(18_289, TaskModels.countParameters(DefaultConfigs.mackeyGlass(ModelFamily.TRANSFORMER)));
        assertEquals(18_521, TaskModels.countParameters(DefaultConfigs.mackeyGlass(ModelFamily.SSM)));
    }

    @Test
    void mackeyGlass2019ModelsHaveTheRecipesCounts() {
        TaskSpec task = TaskSpec.sequenceRegression(1, 1, true);
        assertEquals(18_026, TaskModels.countParameters(ModelConfig.of(task, DefaultConfigs.mackeyGlass2019(ModelFamily.LSTM))),
                "the LMU 2019 table's LSTM");
        assertEquals(18_246,
                TaskModels.countParameters(ModelConfig.of(task, DefaultConfigs.mackeyGlass2019(ModelFamily.ORIGINAL_LMU))),
                "the LMU 2019 table's LMU");
        long parallel = TaskModels.countParameters(ModelConfig.of(task, DefaultConfigs.mackeyGlass2019(ModelFamily.LMU)));
        assertEquals(17_818, parallel);
        assertTrue(parallel <= 17_980, "no more than the table's best model, the hybrid");
        assertEquals(18_289,
                TaskModels.countParameters(ModelConfig.of(task, DefaultConfigs.mackeyGlass2019(ModelFamily.TRANSFORMER))));
    }

    @Test
    void textBaselinesAreNoSmallerThanTheLmuAndWithinTenPercentExcludingEmbeddings() {
        int vocabulary = 1000;
        TaskSpec task = TaskSpec.textClassification(vocabulary, 2);
        long embeddings = (long) vocabulary * DefaultConfigs.TEXT_EMBEDDING;
        long lmu = TaskModels.countParameters(DefaultConfigs.text(task, ModelFamily.LMU, 400)) - embeddings;
        for (ModelFamily family : new ModelFamily[] {ModelFamily.LSTM, ModelFamily.TRANSFORMER, ModelFamily.SSM}) {
            long other = TaskModels.countParameters(DefaultConfigs.text(task, family, 400)) - embeddings;
            assertTrue(other >= lmu && other <= 1.1 * lmu, family + ": " + other + " vs LMU " + lmu);
        }
        assertThrows(IllegalArgumentException.class, () -> DefaultConfigs.textEncoder(ModelFamily.ORIGINAL_LMU, 400));
    }
}
