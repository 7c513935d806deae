package io.parallellmu.benchmarks.tasks;

import com.google.auto.service.AutoService;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import ai.djl.training.dataset.Dataset.Usage;
import ai.djl.training.loss.Loss;
import io.parallellmu.datasets.OfficialLayout;
import io.parallellmu.datasets.text8.Text8Dataset;
import io.parallellmu.metrics.BitsPerCharacter;
import io.parallellmu.metrics.Metric;
import io.parallellmu.models.LmuConfig;
import io.parallellmu.models.SsmConfig;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.models.TransformerConfig;
import io.parallellmu.nn.Nonlinearity;
import io.parallellmu.train.MaskedSoftmaxCrossEntropyLoss;
import io.parallellmu.zoo.TaskMetadata;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * text8 character-level language modelling (or the fortunes stand-in): windows of the profile's length L, the next
 * character predicted at every position. Training and validation use independent windows, each starting without
 * context. The test metric is bits per character over every window of the test subset (the whole test split in
 * the standard and paper profiles, all but its last (C − 1) mod L characters) with context carried across windows,
 * per family as {@link Text8Scoring} says: the LMU, LSTM and SSM carry their recurrent state from window to window;
 * the transformer scores each window after the preceding window's L characters.
 */
@AutoService(BenchmarkTask.class)
public final class Text8Task implements BenchmarkTask {

    /** {@inheritDoc} */
    @Override
    public TaskId id() {
        return TaskId.TEXT8;
    }


    /** {@inheritDoc} */
    @Override
    public TaskData load(DataRequest request) throws IOException {
        Text8Dataset train = split(request, Usage.TRAIN);
        Text8Dataset validation = split(request, Usage.VALIDATION);
        Text8Dataset test = split(request, Usage.TEST);
        Subsets.Subset testSubset = Sizing.subset(test, Usage.TEST, request.settings(), request, d -> d);
        return new TaskData(TaskSpec.charLanguageModel((int) Text8Dataset.vocabulary().size()),
                Sizing.subset(train, Usage.TRAIN, request), Sizing.subset(validation, Usage.VALIDATION, request),
                testSubset.dataset(), train.provenance(), request.settings().length(),
                TaskMetadata.characterModel(Text8Dataset.vocabulary().tokens(), true, Text8Dataset.vocabulary().tokens().indexOf(" ")),
                new Text8Scoring(testSubset.indices(), request.settings().batchSize()));
    }

    private static Text8Dataset split(DataRequest request, Usage usage) throws IOException {
        Text8Dataset dataset = Sizing.sampled(Text8Dataset.builder(), request.settings())
                .optUsage(usage)
                .optDataDir(request.dataDir())
                .optSource(request.source())
                .optManager(request.manager())
                .optLog(request.log())
                .optSequenceLength(request.settings().length())
                .build();
        dataset.prepare(null);
        return dataset;
    }

    /** {@inheritDoc} */
    @Override
    public Loss loss() {
        return new MaskedSoftmaxCrossEntropyLoss();
    }

    /** {@inheritDoc} */
    @Override
    public Supplier<Metric> validationMetric() {
        return BitsPerCharacter::new;
    }

    /** {@inheritDoc} */
    @Override
    public Optional<String> testEvaluation() {
        return Optional.of(Text8Scoring.EVALUATION);
    }

    /** {@inheritDoc} */
    @Override
    public OfficialLayout official() {
        return Text8Dataset.OFFICIAL;
    }

    /** {@inheritDoc} */
    @Override
    public RunSettings tiny(ModelFamily family) {
        return RunSettings.tinyText(family, 24, 27);
    }

    /** {@inheritDoc} */
    @Override
    public RunSettings quick(ModelFamily family) {
        return RunSettings.of(TaskSettings.limits(10000, 400, 800).length(64).vocabulary(27)
                .batchSize(100).epochs(8).learningRate(0.005f), switch (family) {
                    // two layers of 8 memory channels of order 16 over θ = 32 characters
                    case LMU -> new LmuConfig(16, 32, 128, 8, 2, 0f, Nonlinearity.TANH);
                    // the transformer's FFN is 320 wide so that it has no fewer parameters than the two-layer LMU
                    case TRANSFORMER -> new TransformerConfig(64, 4, 1, 320, 0f);
                    // and the SSM is 148 wide for the same reason
                    case SSM -> new SsmConfig(64, 148, 1, 0f);
                    default -> RunSettings.small(family, 64, 64, 128);
                }, 32, 0);
    }

    /** {@inheritDoc} */
    @Override
    public RunSettings standard(ModelFamily family) {
        return RunSettings.textEncoder(id(), family, TaskSettings.limits(50_000, 2000, 0).length(256).vocabulary(27)
                .batchSize(64).epochs(2).learningRate(0.001f)); // the whole test split
    }

    /** {@inheritDoc} */
    @Override
    public RunSettings paper(ModelFamily family) {
        return RunSettings.textEncoder(id(), family, TaskSettings.limits(0, 0, 0).length(256).vocabulary(27)
                .batchSize(64).epochs(5).learningRate(0.001f));
    }
}
