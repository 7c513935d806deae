package io.parallellmu.benchmarks.tasks;

import ai.djl.training.dataset.Dataset.Usage;
import ai.djl.training.loss.Loss;
import io.parallellmu.datasets.text8.Text8Dataset;
import io.parallellmu.metrics.BitsPerCharacter;
import io.parallellmu.metrics.Metric;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.reports.schema.TaskId;
import io.parallellmu.train.MaskedSoftmaxCrossEntropyLoss;
import io.parallellmu.zoo.TaskMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * text8 character-level language modelling (or the fortunes stand-in): windows of the profile's length, the next
 * character predicted at every position; test metric bits per character.
 */
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
        return new TaskData(TaskSpec.charLanguageModel((int) Text8Dataset.vocabulary().size()),
                Sizing.subset(train, Usage.TRAIN, request), Sizing.subset(validation, Usage.VALIDATION, request),
                Sizing.subset(test, Usage.TEST, request), train.provenance(), request.settings().length(),
                TaskMetadata.sequence(Text8Dataset.vocabulary().tokens(), Text8Dataset.vocabulary().tokens()));
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
    public String howToProvide(Path dataDir) {
        return "put the text8 file (unzipped) at " + dataDir.resolve(Text8Dataset.TASK).resolve(Text8Dataset.FILE);
    }
}
