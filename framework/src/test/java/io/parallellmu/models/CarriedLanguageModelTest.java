package io.parallellmu.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.parallellmu.nn.CarriedStates;
import io.parallellmu.nn.Nonlinearity;
import io.parallellmu.vocabulary.ModelFamily;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The character language models of the recurrent families carry their state through the whole model: two windows
 * run with {@link CarriesState} give the logits of one forward over both (float32, to 1e-5).
 */
class CarriedLanguageModelTest {

    private static final TaskSpec TASK = TaskSpec.charLanguageModel(7);
    private static final long BATCH = 2;
    private static final int LENGTH = 6;

    /** Two layers each, so that every layer's state must be carried. */
    private static FamilyConfig family(ModelFamily family) {
        return switch (family) {
            case LMU -> new LmuConfig(4, 8, 6, 2, 2, 0f, Nonlinearity.TANH);
            case LSTM -> new LstmConfig(8, 2, false, 0f);
            case SSM -> new SsmConfig(4, 8, 2, 0f);
            default -> new TransformerConfig(8, 2, 1, 16, 0f);
        };
    }

    @ParameterizedTest
    @EnumSource(value = ModelFamily.class, names = {"LMU", "LSTM", "SSM"})
    void twoCarriedWindowsEqualOneForwardOverBoth(ModelFamily family) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = TaskModels.create(new ModelConfig(TASK, family(family), 6, 10));
            assertTrue(block instanceof CarriesState, family + " carries its state");
            block.initialize(manager, DataType.FLOAT32, TaskModels.inputShapes(TASK, BATCH, LENGTH));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray tokens = manager.randomInteger(0, TASK.vocabularySize(), new Shape(BATCH, 2L * LENGTH), DataType.INT64);
            NDArray whole = block.forward(store, new NDList(tokens), false).head(); // (B, 2L, V)
            CarriesState model = (CarriesState) block;
            CarriedStates states = CarriedStates.zero(manager);
            NDArray first = model.forwardCarrying(store, tokens.get(":, :{}", LENGTH), states);
            List<NDList> recorded = states.afterStates();
            assertEquals(family == ModelFamily.LSTM ? 1 : 2, recorded.size(), "a state per recurrent block");
            CarriedStates next = states.next(manager.ones(new Shape(BATCH)));
            NDArray second = model.forwardCarrying(store, tokens.get(":, {}:", LENGTH), next);
            float error = whole.sub(first.concat(second, 1)).abs().max().getFloat();
            assertTrue(error <= 1e-5f, family + ": max |error| " + error);
            NDArray fresh = block.forward(store, new NDList(tokens.get(":, {}:", LENGTH)), false).head();
            assertTrue(fresh.sub(second).abs().max().getFloat() > 1e-4f, "the state changes the second window");
            next.close();
        }
    }

    @Test
    void theTransformerDoesNotCarryState() {
        Block block = TaskModels.create(new ModelConfig(TASK, family(ModelFamily.TRANSFORMER), 6, 10));
        assertFalse(block instanceof CarriesState, "the transformer's context is its input");
        assertTrue(block instanceof SequenceModel);
    }
}
