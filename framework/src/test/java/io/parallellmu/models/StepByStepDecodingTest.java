package io.parallellmu.models;

import io.parallellmu.vocabulary.ModelFamily;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The LMU translator's step-by-step decoder ({@code LmuLayer.step}, O(1) per token) against the decoder run
 * over whole prefixes, on an untrained two-layer model whose near-uniform predictions make beams reorder often.
 * {@link LearningTest} repeats the decoding comparison on a trained copy model.
 */
class StepByStepDecodingTest {

    private static final TaskSpec TASK = TaskSpec.translation(11, 13);
    private static final long BOS = 1;
    private static final long EOS = 2;

    private static Model translator(ModelFamily family) {
        Engine.getInstance().setRandomSeed(11);
        Model model = Model.newInstance("translator");
        ModelConfig config = ModelFixtures.config(TASK, family);
        model.setBlock(TaskModels.create(config));
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, TaskModels.inputShapes(TASK, 3, 6));
        return model;
    }

    @Test
    void onlyTheLmuTranslatorDecodesStepByStep() {
        for (ModelFamily family : List.of(ModelFamily.LMU, ModelFamily.LSTM, ModelFamily.TRANSFORMER)) {
            try (Model model = translator(family)) {
                assertEquals(family == ModelFamily.LMU, ((Seq2SeqModel) model.getBlock()).decodesStepByStep(), family.name());
            }
        }
    }

    @Test
    void eachStepGivesTheLogitsOfTheDecoderOverThePrefix() {
        try (Model model = translator(ModelFamily.LMU); NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel translator = (Seq2SeqModel) model.getBlock();
            ParameterStore store = new ParameterStore(manager, false);
            NDArray source = manager.randomInteger(0, 11, new Shape(3, 5), DataType.INT64); // (B, Ls)
            NDArray lengths = manager.create(new long[] {5, 3, 1});
            NDArray prefix = manager.randomInteger(0, 13, new Shape(3, 7), DataType.INT64); // (B, t)
            NDList encoded = translator.encode(store, source, lengths);
            NDArray whole = translator.decode(store, encoded, prefix, false); // (B, t, V)
            NDList state = translator.initialDecoderState(encoded);
            assertEquals(2, state.size(), "one state per LMU layer");
            for (int t = 0; t < 7; t++) {
                NDList result = translator.decodeStep(store, encoded, state, prefix.get(":, " + t));
                NDArray expected = whole.get(":, " + t + ", :"); // (B, V)
                assertEquals(expected.getShape(), result.head().getShape());
                // float32: FFT/RAW convolution and the recurrence round differently.
                assertTrue(expected.allClose(result.head(), 1e-4, 1e-4, false), "step " + t);
                state = result.subNDList(1);
            }
        }
    }

    @Test
    void greedyAndBeamSearchStepByStepEqualDecodingOverPrefixes() {
        try (Model model = translator(ModelFamily.LMU); NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel translator = (Seq2SeqModel) model.getBlock();
            ParameterStore store = new ParameterStore(manager, false);
            NDArray source = manager.randomInteger(3, 11, new Shape(4, 6), DataType.INT64);
            NDArray lengths = manager.create(new long[] {6, 4, 2, 1});
            BeamSettings settings = new BeamSettings(4, 0.6, 7);
            assertSame(
                    Decoding.greedy(translator, store, source, lengths, BOS, EOS, 7, false),
                    Decoding.greedy(translator, store, source, lengths, BOS, EOS, 7, true));
            assertSame(
                    Decoding.beamSearch(translator, store, source, lengths, BOS, EOS, settings, false),
                    Decoding.beamSearch(translator, store, source, lengths, BOS, EOS, settings, true));
        }
    }

    @Test
    void decodingLeavesNoArraysBehind() {
        try (Model model = translator(ModelFamily.LMU); NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel translator = (Seq2SeqModel) model.getBlock();
            ParameterStore store = new ParameterStore(manager, false);
            NDArray source = manager.randomInteger(3, 11, new Shape(2, 6), DataType.INT64);
            NDArray lengths = manager.create(new long[] {6, 4});
            int before = manager.getManagedArrays().size();
            int modelBefore = model.getNDManager().getManagedArrays().size();
            for (boolean stepByStep : new boolean[] {false, true}) {
                Decoding.beamSearch(translator, store, source, lengths, BOS, EOS, new BeamSettings(3, 0.6, 6), stepByStep);
                Decoding.greedy(translator, store, source, lengths, BOS, EOS, 6, stepByStep);
            }
            assertEquals(before, manager.getManagedArrays().size());
            assertEquals(modelBefore, model.getNDManager().getManagedArrays().size());
            assertFalse(source.isReleased());
        }
    }

    static void assertSame(List<long[]> expected, List<long[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "sentence " + i);
        }
    }
}
