package io.parallellmu.models;

import io.parallellmu.vocabulary.Split;
import io.parallellmu.vocabulary.ModelFamily;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import io.parallellmu.metrics.Accuracy;
import io.parallellmu.metrics.BitsPerCharacter;
import io.parallellmu.metrics.Metric;
import io.parallellmu.metrics.Nrmse;
import io.parallellmu.nn.Nonlinearity;
import io.parallellmu.train.LearningRates;
import io.parallellmu.train.MaskedSoftmaxCrossEntropyLoss;
import io.parallellmu.train.MeanSquaredErrorLoss;
import io.parallellmu.train.TrainingLoop;
import io.parallellmu.train.TrainingResult;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each family learns a tiny version of each task kind it is offered for, to a stated threshold well beyond chance
 * (see {@link LearningTasks} for the rules). Sizes are kept small so that the whole class runs in about a minute on
 * two cores.
 */
class LearningTest {

    private static FamilyConfig family(ModelFamily family, int theta, boolean bidirectional) {
        switch (family) {
            case LMU:
                return new LmuConfig(8, theta, 32, 1, 1, 0f, Nonlinearity.TANH);
            case ORIGINAL_LMU:
                return new OriginalLmuConfig(8, theta, 32, 1);
            case LSTM:
                return new LstmConfig(32, 1, bidirectional, 0f);
            default:
                return new TransformerConfig(32, 4, 1, 64, 0f);
        }
    }

    private static double train(Model model, ModelConfig config, Loss loss, ArrayDataset train, ArrayDataset validation,
            Supplier<Metric> metric, int epochs, float learningRate) throws Exception {
        model.setBlock(TaskModels.create(config));
        int steps = epochs * (int) Math.ceil(train.size() / 32.0);
        TrainingResult result = TrainingLoop.builder()
                .setEpochs(epochs)
                .optSeed(5)
                .optLearningRate(LearningRates.warmUpCosine(learningRate, learningRate / 20, steps / 10, steps))
                .optClipNorm(1f)
                .optValidationMetric(metric)
                .optProgressBar(false)
                .build()
                .fit(model, loss, train, validation, TaskModels.inputShapes(config.task(), 32, 8));
        return result.value(epochs, Split.VALIDATION, result.metricName());
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void classifiesBySequenceRule(ModelFamily family) throws Exception {
        try (NDManager data = NDManager.newBaseManager(); Model model = Model.newInstance("classify")) {
            ModelConfig config = ModelConfig.of(TaskSpec.sequenceClassification(1, 2), family(family, 18, false));
            int size = family == ModelFamily.ORIGINAL_LMU ? 256 : 512; // the sequential baseline is slow
            double accuracy = train(model, config, Loss.softmaxCrossEntropyLoss(),
                    LearningTasks.earlyVersusLate(data, size, 12, 1), LearningTasks.earlyVersusLate(data, 256, 12, 2),
                    Accuracy::new, 10, 0.02f);
            assertTrue(accuracy >= 0.8, family + ": accuracy " + accuracy + " < 0.8 (chance 0.5)");
        }
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void regressesASineShiftedAhead(ModelFamily family) throws Exception {
        try (NDManager data = NDManager.newBaseManager(); Model model = Model.newInstance("regress")) {
            ModelConfig config = ModelConfig.of(TaskSpec.sequenceRegression(1, 1, true), family(family, 8, false));
            int size = family == ModelFamily.ORIGINAL_LMU ? 256 : 512; // the sequential baseline is slow
            double nrmse = train(model, config, new MeanSquaredErrorLoss(),
                    LearningTasks.sineAhead(data, size, 16, 1), LearningTasks.sineAhead(data, 128, 16, 2),
                    Nrmse::new, 12, 0.02f);
            // Predicting the mean scores 1; copying the current input scores about 0.6–1.1 for these shifts.
            assertTrue(nrmse <= 0.4, family + ": NRMSE " + nrmse + " > 0.4");
        }
    }

    @ParameterizedTest
    @EnumSource(value = ModelFamily.class, names = {"LMU", "LSTM", "TRANSFORMER"})
    void classifiesPairsBySharedMarker(ModelFamily family) throws Exception {
        assertLearnsPairs(family, 12, 6, LearningTasks::sameMarker);
    }

    @ParameterizedTest
    @EnumSource(value = ModelFamily.class, names = {"LMU", "LSTM", "TRANSFORMER"})
    void classifiesPairsByWordOrder(ModelFamily family) throws Exception {
        // Same words on both sides: only word order separates the classes.
        assertLearnsPairs(family, 16, 7, LearningTasks::roleSwap);
    }

    /** Trains a pair classifier on 1024 generated pairs for 8 epochs; it must reach 0.9 on 256 others. */
    private static void assertLearnsPairs(ModelFamily family, int vocabulary, int length, PairTask task) throws Exception {
        try (NDManager data = NDManager.newBaseManager(); Model model = Model.newInstance("pairs")) {
            ModelConfig config =
                    new ModelConfig(TaskSpec.pairClassification(vocabulary, 2), family(family, length, true), 16, 32);
            double accuracy = train(model, config, Loss.softmaxCrossEntropyLoss(), task.generate(data, 1024, 1),
                    task.generate(data, 256, 2), Accuracy::new, 8, 0.01f);
            assertTrue(accuracy >= 0.9, family + ": accuracy " + accuracy + " < 0.9 (chance 0.5)");
        }
    }

    /** A seeded generator of a pair-classification set, such as {@link LearningTasks#roleSwap}. */
    @FunctionalInterface
    private interface PairTask {
        ArrayDataset generate(NDManager manager, int size, long seed);
    }

    @ParameterizedTest
    @EnumSource(value = ModelFamily.class, names = {"LMU", "LSTM", "TRANSFORMER"})
    void translatesByCopying(ModelFamily family) throws Exception {
        try (NDManager data = NDManager.newBaseManager(); Model model = Model.newInstance("copy")) {
            ModelConfig config = new ModelConfig(TaskSpec.translation(10, 10), family(family, 6, true), 16, 32);
            ArrayDataset validation = LearningTasks.copy(data, 128, 2);
            double tokenAccuracy = train(model, config, new MaskedSoftmaxCrossEntropyLoss(),
                    LearningTasks.copy(data, 1024, 1), validation, Accuracy::new, 10, 0.01f);
            assertTrue(tokenAccuracy >= 0.9, family + ": teacher-forced token accuracy " + tokenAccuracy + " < 0.9");
            Seq2SeqModel translator = (Seq2SeqModel) model.getBlock();
            double exact = greedyExactMatch(translator, data, validation);
            assertTrue(exact >= 0.7, family + ": greedy exact-match rate " + exact + " < 0.7");
            assertEquals(family == ModelFamily.LMU, translator.decodesStepByStep());
            if (translator.decodesStepByStep()) {
                assertStepByStepDecodingMatchesPrefixDecoding(translator, data, validation);
            }
        }
    }

    /** The trained LMU translator decodes the same outputs step by step as over whole prefixes (8 sentences). */
    private static void assertStepByStepDecodingMatchesPrefixDecoding(Seq2SeqModel model, NDManager manager,
            ArrayDataset validation) throws Exception {
        ParameterStore store = new ParameterStore(manager, false);
        BeamSettings beam = new BeamSettings(3, 0.6, 8);
        for (Batch batch : validation.getData(manager)) {
            try (batch) {
                NDArray source = batch.getData().get(0).get("0:8"); // 8 sentences keep the beam comparison short
                NDArray lengths = batch.getData().get(1).get("0:8");
                long bos = LearningTasks.BOS;
                long eos = LearningTasks.EOS;
                StepByStepDecodingTest.assertSame(
                        Decoding.greedy(model, store, source, lengths, bos, eos, 8, false),
                        Decoding.greedy(model, store, source, lengths, bos, eos, 8, true));
                StepByStepDecodingTest.assertSame(
                        Decoding.beamSearch(model, store, source, lengths, bos, eos, beam, false),
                        Decoding.beamSearch(model, store, source, lengths, bos, eos, beam, true));
            }
            return;
        }
    }

    /** Decodes the validation sources greedily and counts outputs equal to the reference. */
    private static double greedyExactMatch(Seq2SeqModel model, NDManager manager, ArrayDataset validation)
            throws Exception {
        int exact = 0;
        int total = 0;
        ParameterStore store = new ParameterStore(manager, false);
        for (Batch batch : validation.getData(manager)) {
            try (batch) {
                NDArray targets = batch.getLabels().get(0);
                long[] lengths = batch.getLabels().get(1).toLongArray();
                List<long[]> decoded = Decoding.greedy(model, store, batch.getData().get(0), batch.getData().get(1),
                        LearningTasks.BOS, LearningTasks.EOS, 8);
                for (int i = 0; i < decoded.size(); i++) {
                    long[] reference = Arrays.copyOf(targets.get(i).toLongArray(), (int) lengths[i] - 1);
                    exact += Arrays.equals(reference, decoded.get(i)) ? 1 : 0;
                    total++;
                }
            }
        }
        return (double) exact / total;
    }

    @ParameterizedTest
    @EnumSource(value = ModelFamily.class, names = {"LMU", "LSTM", "TRANSFORMER"})
    void modelsRepetitiveText(ModelFamily family) throws Exception {
        try (NDManager data = NDManager.newBaseManager(); Model model = Model.newInstance("text")) {
            ModelConfig config = new ModelConfig(TaskSpec.charLanguageModel(7), family(family, 8, false), 16, 0);
            double bpc = train(model, config, new MaskedSoftmaxCrossEntropyLoss(),
                    LearningTasks.repetitiveText(data, 512, 1), LearningTasks.repetitiveText(data, 128, 2),
                    BitsPerCharacter::new, 8, 0.01f);
            // A uniform guess over the 7 symbols costs 2.81 bits; only each window's first character is uncertain.
            assertTrue(bpc <= 0.4, family + ": " + bpc + " bits per character > 0.4");
        }
    }
}
