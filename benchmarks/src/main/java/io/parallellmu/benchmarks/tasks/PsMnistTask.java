package io.parallellmu.benchmarks.tasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.Dataset.Usage;
import ai.djl.training.dataset.SequenceSampler;
import ai.djl.translate.TranslateException;
import io.parallellmu.datasets.mnist.PixelPermutation;
import ai.djl.training.loss.Loss;
import io.parallellmu.datasets.mnist.MnistFiles;
import io.parallellmu.datasets.mnist.PermutedMnist;
import io.parallellmu.metrics.Accuracy;
import io.parallellmu.metrics.Metric;
import io.parallellmu.models.Family;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.reports.schema.TaskId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Permuted sequential MNIST: 784 permuted pixels, one per step, into 10 classes; test metric accuracy. The
 * original LMU is compared here, as in the paper. Profiles that cannot afford 784 steps ask for a shorter length,
 * and get average-pooled cells in permuted order ({@link PooledPermutation}). The permutations are stored with a
 * saved model.
 */
public final class PsMnistTask implements BenchmarkTask {

    /** The unpooled sequence length. */
    public static final int FULL_LENGTH = 784;

    /** {@inheritDoc} */
    @Override
    public TaskId id() {
        return TaskId.PSMNIST;
    }

    /** {@inheritDoc} */
    @Override
    public List<Family> families() {
        return List.of(Family.LMU, Family.ORIGINAL_LMU, Family.LSTM, Family.TRANSFORMER);
    }

    /** {@inheritDoc} */
    @Override
    public TaskData load(DataRequest request) throws IOException {
        PermutedMnist train = split(request, Usage.TRAIN);
        PixelPermutation permutation = train.getPermutation();
        int length = request.settings().length();
        TaskSpec spec = TaskSpec.sequenceClassification(1, 10);
        if (length == FULL_LENGTH) {
            return new TaskData(spec, train, split(request, Usage.VALIDATION), split(request, Usage.TEST),
                    train.provenance(), length, dir -> permutation.save(dir.resolve(permutation.fileName())));
        }
        PooledPermutation pooling = new PooledPermutation(permutation, length);
        return new TaskData(spec, pooled(train, pooling, request, Usage.TRAIN),
                pooled(split(request, Usage.VALIDATION), pooling, request, Usage.VALIDATION),
                pooled(split(request, Usage.TEST), pooling, request, Usage.TEST), train.provenance(), length, dir -> {
                    permutation.save(dir.resolve(permutation.fileName()));
                    pooling.cells().save(dir.resolve("pooled-cells-" + pooling.cells().fileName()));
                });
    }

    private static PermutedMnist split(DataRequest request, Usage usage) throws IOException {
        PermutedMnist dataset = Sizing.apply(PermutedMnist.builder(), usage, request.settings())
                .optUsage(usage)
                .optDataDir(request.dataDir())
                .optSource(request.source())
                .optManager(request.manager())
                .build();
        dataset.prepare(null);
        return dataset;
    }

    /** Reads the whole (limited) split as one batch, pools it and re-wraps it with the profile's sampling. */
    private static ArrayDataset pooled(PermutedMnist split, PooledPermutation pooling, DataRequest request,
            Usage usage) throws IOException {
        NDManager manager = request.manager();
        NDArray[] data = new NDArray[1];
        NDArray[] labels = new NDArray[1];
        try {
            for (Batch all : split.getData(manager, new BatchSampler(new SequenceSampler(), (int) split.size()))) {
                try (all) {
                    data[0] = pooling.apply(all.getData().get(0));
                    labels[0] = all.getLabels().get(0);
                    data[0].attach(manager);
                    labels[0].attach(manager);
                }
            }
        } catch (TranslateException e) {
            throw new IOException("pooling psMNIST failed: " + e.getMessage(), e);
        } finally {
            split.close();
        }
        return new ArrayDataset.Builder()
                .setData(data[0])
                .optLabels(labels[0])
                .setSampling(request.settings().batchSize(), usage == Usage.TRAIN)
                .build();
    }

    /** {@inheritDoc} */
    @Override
    public Loss loss() {
        return Loss.softmaxCrossEntropyLoss();
    }

    /** {@inheritDoc} */
    @Override
    public Supplier<Metric> validationMetric() {
        return Accuracy::new;
    }

    /** {@inheritDoc} */
    @Override
    public String howToProvide(Path dataDir) {
        return "put MNIST's IDX files (" + String.join(", ", MnistFiles.NAMES) + ", plain or .gz) in "
                + dataDir.resolve(PermutedMnist.TASK);
    }
}
