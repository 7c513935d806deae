package io.parallellmu.benchmarks.tasks;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import ai.djl.training.dataset.Dataset.Usage;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.loss.Loss;
import io.parallellmu.datasets.OfficialLayout;
import io.parallellmu.datasets.mnist.MnistArchive;
import io.parallellmu.datasets.mnist.PermutedMnist;
import io.parallellmu.datasets.mnist.PixelSequence;
import io.parallellmu.metrics.Accuracy;
import io.parallellmu.metrics.Metric;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.zoo.TaskMetadata;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Permuted sequential MNIST: 784 permuted pixels, one per step, into 10 classes; test metric accuracy. The
 * original LMU is compared here, as in the paper. Profiles that cannot afford 784 steps ask for a shorter length,
 * and get average-pooled cells in permuted order ({@link PixelSequence}). The permutations are stored with a
 * saved model.
 */
public final class PsMnistTask implements BenchmarkTask {

    /** {@inheritDoc} */
    @Override
    public TaskId id() {
        return TaskId.PSMNIST;
    }

    /** {@inheritDoc} */
    @Override
    public List<ModelFamily> families() {
        return List.of(ModelFamily.values()); // the original LMU too, as in the paper
    }

    /** {@inheritDoc} */
    @Override
    public TaskData load(DataRequest request) throws IOException {
        RandomAccessDataset[] splits = new RandomAccessDataset[3];
        PermutedMnist first = null;
        PixelSequence sequence = null;
        Usage[] usages = {Usage.TRAIN, Usage.VALIDATION, Usage.TEST};
        for (int i = 0; i < usages.length; i++) {
            try (PermutedMnist split = split(request, usages[i])) {
                if (first == null) {
                    first = split;
                    sequence = split.sequence(request.settings().length());
                }
                splits[i] = Sizing.subset(split, usages[i], request.settings(), request, sequence::apply).dataset();
            }
        }
        List<String> labels = TaskMetadata.numberedLabels(MnistArchive.CLASSES);
        return new TaskData(TaskSpec.sequenceClassification(1, MnistArchive.CLASSES), splits[0], splits[1],
                splits[2], first.provenance(), sequence.length(), sequence.metadata(labels),
                TestScoring.by(validationMetric()));
    }

    private static PermutedMnist split(DataRequest request, Usage usage) throws IOException {
        PermutedMnist dataset = Sizing.sampled(PermutedMnist.builder(), request.settings())
                .optUsage(usage)
                .optDataDir(request.dataDir())
                .optSource(request.source())
                .optManager(request.manager())
                .build();
        dataset.prepare(null);
        return dataset;
    }

    /** {@inheritDoc} */
    @Override
    public Loss loss() {
        return new ClassLabelLoss();
    }

    /** {@inheritDoc} */
    @Override
    public Supplier<Metric> validationMetric() {
        return Accuracy::new;
    }

    /** {@inheritDoc} */
    @Override
    public OfficialLayout official() {
        return PermutedMnist.OFFICIAL;
    }
}
