package io.parallellmu.models;

import io.parallellmu.vocabulary.ModelFamily;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The future and the padding must not leak into outputs, for every family. */
class MaskingTest {

    private static NDArray run(NDManager manager, Block model, NDList inputs) {
        return model.forward(new ParameterStore(manager, false), inputs, false).head();
    }

    private static Block initialised(NDManager manager, ModelConfig config) {
        Engine.getInstance().setRandomSeed(3);
        Block model = TaskModels.create(config);
        model.initialize(manager, DataType.FLOAT32,
                TaskModels.inputShapes(config.task(), ModelFixtures.BATCH, ModelFixtures.LENGTH));
        return model;
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void languageModelOutputsUpToTIgnoreTokensAfterT(ModelFamily family) {
        ModelConfig config = ModelFixtures.config(TaskSpec.charLanguageModel(7), family);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block model = initialised(manager, config);
            NDArray tokens = manager.create(new long[] {1, 2, 3, 4, 5, 6, 5, 4, 3, 2}, new Shape(2, 5));
            NDArray changed = tokens.duplicate();
            changed.set(new NDIndex(":, 3"), 0L); // change step t + 1 = 3
            NDArray before = run(manager, model, new NDList(tokens));
            NDArray after = run(manager, model, new NDList(changed));
            assertTrue(before.get(":, :3, :").allClose(after.get(":, :3, :"), 1e-5, 1e-5, false),
                    family + " leaks the future into steps ≤ t");
            assertFalse(before.get(":, 3:, :").allClose(after.get(":, 3:, :"), 1e-4, 1e-4, false),
                    family + " ignores its input");
        }
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void perStepRegressionIsCausal(ModelFamily family) {
        ModelConfig config = ModelFixtures.config(TaskSpec.sequenceRegression(1, 2, true), family);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block model = initialised(manager, config);
            NDArray x = manager.randomNormal(new Shape(2, 5, 1));
            NDArray changed = x.duplicate();
            changed.set(new NDIndex(":, 4:, :"), manager.randomNormal(new Shape(2, 1, 1)).add(3));
            NDArray before = run(manager, model, new NDList(x));
            NDArray after = run(manager, model, new NDList(changed));
            assertTrue(before.get(":, :4, :").allClose(after.get(":, :4, :"), 1e-5, 1e-5, false));
        }
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void paddedTokensDoNotChangeTextClassification(ModelFamily family) {
        assertPaddingIrrelevant(ModelFixtures.config(TaskSpec.textClassification(11, 3), family), new int[] {0});
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void paddedTokensDoNotChangePairClassification(ModelFamily family) {
        assertPaddingIrrelevant(ModelFixtures.config(TaskSpec.pairClassification(11, 3), family), new int[] {0, 2});
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void paddedSourceTokensDoNotChangeTranslation(ModelFamily family) {
        assertPaddingIrrelevant(ModelFixtures.config(TaskSpec.translation(11, 13), family), new int[] {0});
    }

    /** Sentence 1 has length 3 of 5: rewriting its last two tokens in the given inputs must not matter. */
    private static void assertPaddingIrrelevant(ModelConfig config, int[] tokenInputs) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block model = initialised(manager, config);
            NDList inputs = ModelFixtures.inputs(manager, config.task());
            NDList changed = new NDList();
            inputs.forEach(a -> changed.add(a.duplicate()));
            for (int i : tokenInputs) {
                changed.get(i).set(new NDIndex("1, 3:"), 10L);
            }
            NDArray before = run(manager, model, inputs);
            NDArray after = run(manager, model, changed);
            NDArray sentence = config.task().kind() == TaskKind.TRANSLATION ? before.get("1") : before.get("1:");
            NDArray sentenceAfter = config.task().kind() == TaskKind.TRANSLATION ? after.get("1") : after.get("1:");
            assertTrue(sentence.allClose(sentenceAfter, 1e-5, 1e-5, false), config.family() + " reads padding");
            assertTrue(before.get("0").allClose(after.get("0"), 1e-6, 1e-6, false));
        }
    }
}
