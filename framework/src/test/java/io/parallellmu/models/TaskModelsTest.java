package io.parallellmu.models;

import io.parallellmu.vocabulary.ModelFamily;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every family × task kind: output shapes, declared shapes, and a parameter save/load round trip. */
class TaskModelsTest {

    static Stream<Arguments> everyFamilyAndTask() {
        List<Arguments> cases = new ArrayList<>();
        for (ModelFamily family : ModelFamily.values()) {
            for (TaskSpec task : ModelFixtures.tasks()) {
                cases.add(Arguments.of(family, task));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyFamilyAndTask")
    void shapesAndSaveLoadRoundTrip(ModelFamily family, TaskSpec task) throws Exception {
        ModelConfig config = ModelFixtures.config(task, family);
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            Block model = TaskModels.create(config);
            model.initialize(manager, DataType.FLOAT32,
                    TaskModels.inputShapes(task, ModelFixtures.BATCH, ModelFixtures.LENGTH));
            NDList inputs = ModelFixtures.inputs(manager, task);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray out = model.forward(store, inputs, false).head();
            assertEquals(ModelFixtures.expectedOutput(task), out.getShape());
            assertEquals(out.getShape(),
                    model.getOutputShapes(TaskModels.inputShapes(task, ModelFixtures.BATCH, ModelFixtures.LENGTH))[0]);
            assertTrue(TaskModels.countParameters(model) > 0);

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.saveParameters(new DataOutputStream(bytes));
            Engine.getInstance().setRandomSeed(2);
            Block copy = TaskModels.create(config);
            copy.initialize(manager, DataType.FLOAT32,
                    TaskModels.inputShapes(task, ModelFixtures.BATCH, ModelFixtures.LENGTH));
            ParameterStore copyStore = new ParameterStore(manager, false);
            assertFalse(out.allClose(copy.forward(copyStore, inputs, false).head(), 1e-4, 1e-4, false));
            copy.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            copyStore = new ParameterStore(manager, false);
            // AUTO may time FFT and RAW differently in the copy: equal up to float32 rounding (relative 1e-5)
            NDArray reloaded = copy.forward(copyStore, inputs, false).head();
            assertTrue(out.allClose(reloaded, 1e-5, 1e-6, false),
                    () -> java.util.Arrays.toString(out.sub(reloaded).abs().max().toFloatArray()));
        }
    }

    @Test
    void countParametersMatchesTheInitialisedBlock() {
        ModelConfig config = ModelConfig.of(TaskSpec.sequenceClassification(1, 10), new LstmConfig(4, 1, false, 0f));
        // LSTM: 4 gates × (4 × 1 input weights + 4 × 4 recurrent weights + 2 × 4 biases) = 112; head 4 × 10 + 10.
        assertEquals(112 + 50, TaskModels.countParameters(config));
    }

    @Test
    void aCausalLanguageModelRefusesABidirectionalLstm() {
        ModelConfig config = new ModelConfig(TaskSpec.charLanguageModel(5), new LstmConfig(4, 1, true, 0f), 4, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskModels.create(config));
        assertEquals("a language model must be causal: use bidirectional=false", e.getMessage());
    }

    @Test
    void configsNameTheBadSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TransformerConfig(10, 4, 1, 8, 0f));
        assertEquals("modelSize (10) must be even and a multiple of heads (4)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TaskSpec.textClassification(0, 2));
        assertEquals("exactly one of vocabularySize (0) and featureSize (0) must be positive", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LstmConfig(8, 1, false, 1.5f));
        assertEquals("dropout must be in [0, 1), got 1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ModelConfig(TaskSpec.pairClassification(5, 3), new LstmConfig(4, 1, false, 0f), 4, 0));
        assertEquals("headHiddenSize must be at least 1, got 0", e.getMessage());
    }
}
