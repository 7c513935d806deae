package io.parallellmu.benchmarks.tasks;

import com.google.auto.service.AutoService;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset.Usage;
import ai.djl.training.dataset.RandomAccessDataset;
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
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * text8 character-level language modelling (or the fortunes stand-in): windows of the profile's length L, the next
 * character predicted at every position. Training and validation use independent windows, each starting without
 * context. The test metric is bits per character over every window of the test subset (the whole test split in
 * the standard and paper profiles, all but its last (C − 1) mod L characters) with context carried across windows:
 * each window is scored with the preceding window's L characters fed before it as context, so that no window's
 * first characters are predicted from nothing. For the transformer this is the preceding characters as context;
 * for the recurrent families (LMU, LSTM) it stands in for carrying their state from window to window, which is
 * exact for as much of the past as their memory holds within L characters. The first window of the split, and a
 * window whose predecessor is not in a subsampled test subset, are scored without context.
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
                new ContextScoring(testSubset.indices()));
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

    /**
     * Bits per character over the test windows, each after the preceding window as context (see the class doc).
     *
     * @param indices each test window's index in the whole test split, in subset order
     */
    private record ContextScoring(long[] indices) implements TestScoring {

        @Override
        public TestScore score(Model model, RandomAccessDataset test) {
            ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
            BitsPerCharacter bpc = new BitsPerCharacter();
            int record = 0;
            try (NDManager scope = model.getNDManager().newSubManager()) {
                NDArray previous = null; // (1, L): the last window of the previous batch
                for (Batch batch : test.getData(scope)) {
                    try (batch) {
                        NDArray x = batch.getData().head(); // (B, L)
                        NDArray y = batch.getLabels().head(); // (B, L)
                        List<Long> withContext = new ArrayList<>();
                        List<Long> without = new ArrayList<>();
                        for (int row = 0; row < x.getShape().get(0); row++, record++) {
                            boolean follows = record > 0 && indices[record] == indices[record - 1] + 1;
                            (follows ? withContext : without).add((long) row);
                        }
                        // row r's predecessor in the subset: row r − 1, or the previous batch's last row (row 0 of
                        // the first batch is the split's first window, scored without context, so any row will do)
                        NDArray predecessors = (previous == null ? x.get("0:1") : previous).concat(x).get(":-1"); // (B, L)
                        scoreRows(model, parameters, bpc, predecessors, x, y, withContext);
                        scoreRows(model, parameters, bpc, null, x, y, without);
                        previous = x.get("-1:");
                        previous.attach(scope);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (TranslateException e) {
                throw new IllegalStateException("evaluating the test split failed: " + e.getMessage(), e);
            }
            return new TestScore(bpc.name(), bpc.value(), false);
        }
    }

    /** Scores the given rows of a batch, after their context rows when there are any. */
    private static void scoreRows(Model model, ParameterStore parameters, BitsPerCharacter bpc, NDArray context,
            NDArray x, NDArray y, List<Long> rows) {
        if (rows.isEmpty()) {
            return;
        }
        NDArray index = x.getManager().create(rows.stream().mapToLong(Long::longValue).toArray())
                .toDevice(x.getDevice(), false);
        NDArray windows = x.get(new NDIndex("{}", index)); // (n, L)
        long length = windows.getShape().get(1);
        NDArray input = context == null ? windows : context.get(new NDIndex("{}", index)).concat(windows, 1); // (n, 2L)
        NDArray logits = model.getBlock().forward(parameters, new NDList(input), false).head(); // (n, ·, V)
        NDArray scored = context == null ? logits : logits.get(new NDIndex(":, {}:", length)); // (n, L, V)
        bpc.update(new NDList(y.get(new NDIndex("{}", index))), new NDList(scored));
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
