package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.TaskId;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.TranslateException;
import io.parallellmu.benchmarks.tasks.TaskData;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.mnist.PermutedMnist;
import io.parallellmu.datasets.mnist.PixelSequence;
import io.parallellmu.reports.schema.RunKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the suite's trained models predict in memory, recorded by a {@link TrainedModelListener} while each model is
 * open, on the inputs a zoo user would give their saved artifacts: raw 28×28 images for psMNIST (the model reading
 * the data set's pooled, permuted sequences of them), centred series windows for Mackey-Glass, the test split's
 * token sequences for IMDB, and the first raw test batch for any other task.
 */
final class InMemoryPredictions implements TrainedModelListener {

    /**
     * One task's inputs and the trained model's outputs on them.
     *
     * @param key the run
     * @param inputs per record: image pixels (psMNIST), a centred window (Mackey-Glass), token ids (IMDB); for
     *     other tasks the flattened arrays of the raw batch
     * @param outputs per record: class probabilities, the last step's centred forecast, or the raw outputs
     * @param raw the raw batch (other tasks), owned by this recorder's manager
     */
    record Recorded(RunKey key, List<float[]> inputs, List<float[]> outputs, NDList raw) {}

    private final Path dataDir;
    private final NDManager manager;
    private final Map<TaskId, Recorded> recorded = new EnumMap<>(TaskId.class);

    /**
     * Creates the recorder.
     *
     * @param dataDir the suite's data directory (psMNIST's raw test images are read from it)
     * @param manager owns the raw batches kept past each model's life
     */
    InMemoryPredictions(Path dataDir, NDManager manager) {
        this.dataDir = dataDir;
        this.manager = manager;
    }

    /**
     * Returns what was recorded for a task.
     *
     * @param task the task
     * @return the recording, or {@code null}
     */
    Recorded of(TaskId task) {
        return recorded.get(task);
    }

    @Override
    public void trained(RunKey key, Model model, TaskData data) throws IOException {
        try (NDManager scope = model.getNDManager().newSubManager()) {
            ParameterStore parameters = new ParameterStore(scope, false);
            Recorded result = switch (key.task()) {
                case PSMNIST -> psMnist(key, model, parameters, data.inputLength(), scope);
                case MACKEY_GLASS -> forecasts(key, model, parameters, data, scope);
                case IMDB -> classifications(key, model, parameters, data, scope);
                default -> rawBatch(key, model, parameters, data, scope);
            };
            recorded.put(key.task(), result);
        } catch (TranslateException e) {
            throw new IOException(e);
        }
    }

    /** The raw test images, and the model's class probabilities on their pooled, permuted sequences. */
    private Recorded psMnist(RunKey key, Model model, ParameterStore parameters, int length, NDManager scope)
            throws IOException, TranslateException {
        List<float[]> images = new ArrayList<>();
        List<float[]> outputs = new ArrayList<>();
        try (PermutedMnist test = PermutedMnist.builder().optUsage(Dataset.Usage.TEST).optDataDir(dataDir)
                .optSource(DataSource.OFFICIAL).optManager(scope).setSampling(100, false).build()) {
            test.prepare();
            int[] order = test.getPermutation().order();
            PixelSequence sequence = test.sequence(length);
            for (Batch batch : test.getData(scope)) {
                try (batch) {
                    NDArray sequences = batch.getData().head(); // (B, 784, 1) permuted pixels
                    float[] values = sequences.toFloatArray();
                    int count = (int) sequences.getShape().get(0);
                    for (int b = 0; b < count; b++) {
                        float[] image = new float[order.length];
                        for (int t = 0; t < order.length; t++) {
                            image[order[t]] = values[b * order.length + t];
                        }
                        images.add(image);
                    }
                    NDArray logits = forward(model, parameters, sequence.apply(new NDList(sequences))).head(); // (B, 10)
                    outputs.addAll(rows(logits.softmax(-1)));
                }
            }
        }
        return new Recorded(key, images, outputs, null);
    }

    /** The test series (centred) and the model's centred forecast after each whole series. */
    private Recorded forecasts(RunKey key, Model model, ParameterStore parameters, TaskData data, NDManager scope)
            throws IOException, TranslateException {
        List<float[]> windows = new ArrayList<>();
        List<float[]> outputs = new ArrayList<>();
        for (Batch batch : data.test().getData(scope)) {
            try (batch) {
                NDArray series = batch.getData().head(); // (B, L, 1)
                windows.addAll(rows(series));
                NDArray predicted = forward(model, parameters, batch.getData()).head(); // (B, L, 1)
                long length = predicted.getShape().get(1);
                outputs.addAll(rows(predicted.get(":, " + (length - 1) + ", 0").reshape(-1, 1))); // (B, 1)
            }
        }
        return new Recorded(key, windows, outputs, null);
    }

    /** The test split's token ids (cut to their lengths) and the model's class probabilities. */
    private Recorded classifications(RunKey key, Model model, ParameterStore parameters, TaskData data,
            NDManager scope) throws IOException, TranslateException {
        List<float[]> sequences = new ArrayList<>();
        List<float[]> outputs = new ArrayList<>();
        for (Batch batch : data.test().getData(scope)) {
            try (batch) {
                List<float[]> ids = rows(batch.getData().get(0)); // (B, L) padded
                float[] lengths = batch.getData().get(1).toType(DataType.FLOAT32, false)
                        .toFloatArray(); // (B)
                for (int b = 0; b < ids.size(); b++) {
                    sequences.add(Arrays.copyOf(ids.get(b), (int) lengths[b]));
                }
                outputs.addAll(rows(forward(model, parameters, batch.getData()).head().softmax(-1))); // (B, C)
            }
        }
        return new Recorded(key, sequences, outputs, null);
    }

    /** The first raw test batch and the model's raw outputs on it. */
    private Recorded rawBatch(RunKey key, Model model, ParameterStore parameters, TaskData data, NDManager scope)
            throws IOException, TranslateException {
        Batch batch = data.test().getData(scope).iterator().next();
        try (batch) {
            NDList inputs = batch.getData();
            NDList outputs = forward(model, parameters, inputs);
            NDList kept = new NDList();
            for (NDArray input : inputs) {
                NDArray copy = input.duplicate();
                copy.attach(manager);
                kept.add(copy);
            }
            List<float[]> expected = new ArrayList<>();
            for (NDArray output : outputs) {
                expected.add(output.toType(DataType.FLOAT32, false).toFloatArray());
            }
            return new Recorded(key, List.of(), expected, kept);
        }
    }

    private static NDList forward(Model model, ParameterStore parameters, NDList inputs) {
        return model.getBlock().forward(parameters, inputs, false);
    }

    /** Splits (N, ...) into N flattened float rows. */
    private static List<float[]> rows(NDArray array) {
        int n = (int) array.getShape().get(0);
        float[] values = array.toType(DataType.FLOAT32, false).toFloatArray();
        int width = values.length / n;
        List<float[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Arrays.copyOfRange(values, i * width, (i + 1) * width));
        }
        return out;
    }
}
