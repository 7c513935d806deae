package io.parallellmu.benchmarks.tasks;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.translate.TranslateException;
import io.parallellmu.metrics.BitsPerCharacter;
import io.parallellmu.models.CarriesState;
import io.parallellmu.nn.CarriedStates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * text8's test metric: bits per character over every window of the test subset, in order, with the context carried
 * across windows, so that no window's first characters are predicted from nothing.
 *
 * <p>Recurrent families ({@link CarriesState}: LMU, LSTM, SSM) carry their state literally. The windows are laid out
 * as up to B streams of consecutive windows ({@link WindowStreams}; B the run's batch size) and scored a batch of
 * one window per stream at a time, each stream's state carried from window to window: the result equals one forward
 * over each run of consecutive windows. A window starts from the zero state where its predecessor is not in a
 * subsampled test subset, and where the layout cuts a run to balance the streams (B − 1 cuts of the whole split).
 *
 * <p>The transformer, whose context is its input, scores each window after the preceding window's L characters fed
 * before it; the split's first window, and one whose predecessor is not in the subset, are scored without context.
 *
 * @param indices each test window's index in the whole test split, in subset order
 * @param batchSize B, the most streams (recurrent families) or windows (transformer) per forward
 */
record Text8Scoring(long[] indices, int batchSize) implements TestScoring {

    /** What the report says of this evaluation. */
    static final String EVALUATION = "text8: bits per character over every window of the test subset, in order, with"
            + " the context carried across windows. The LMU, LSTM and SSM carry their recurrent state from window to"
            + " window, in up to one stream per batch row, each made of runs of consecutive windows; a run starts"
            + " from the zero state, so a window does where its predecessor is not in a subsampled subset, and at"
            + " the few cuts that balance the streams. The transformer scores each window after the preceding"
            + " window's characters as context.";

    /** {@inheritDoc} */
    @Override
    public TestScore score(Model model, RandomAccessDataset test) {
        BitsPerCharacter bpc = new BitsPerCharacter();
        ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
        try (NDManager scope = model.getNDManager().newSubManager()) {
            if (model.getBlock() instanceof CarriesState carrying) {
                scoreCarried(carrying, parameters, bpc, test, scope);
            } else {
                scoreWithContext(model, parameters, bpc, test, scope);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TranslateException e) {
            throw new IllegalStateException("evaluating the test split failed: " + e.getMessage(), e);
        }
        return new TestScore(bpc.name(), bpc.value(), false);
    }

    /** Steps through the streams a batch at a time, carrying each stream's state (see the class doc). */
    private void scoreCarried(CarriesState model, ParameterStore parameters, BitsPerCharacter bpc,
            RandomAccessDataset test, NDManager scope) throws IOException {
        WindowStreams layout = WindowStreams.of(indices, Math.toIntExact(test.size()), batchSize);
        CarriedStates states = CarriedStates.zero(scope);
        try {
            for (int step = 0; step < layout.steps(); step++) {
                try (NDManager stepScope = scope.newSubManager()) {
                    // the streams still running at this step are the first ones
                    int running = 0;
                    while (running < layout.streams().size() && step < layout.streams().get(running).size()) {
                        running++;
                    }
                    NDList data = new NDList();
                    NDList labels = new NDList();
                    float[] keeps = new float[running];
                    for (int row = 0; row < running; row++) {
                        Record record = test.get(stepScope, layout.streams().get(row).get(step));
                        data.add(record.getData().head()); // (L)
                        labels.add(record.getLabels().head());
                        keeps[row] = layout.restarts().get(row).get(step) ? 0f : 1f;
                    }
                    NDArray x = onDevice(NDArrays.stack(data), scope); // (n, L)
                    states = states.next(onDevice(stepScope.create(keeps), scope)); // zero where a piece starts
                    NDArray logits = model.forwardCarrying(parameters, x, states); // (n, L, V)
                    bpc.update(new NDList(onDevice(NDArrays.stack(labels), scope)), new NDList(logits));
                }
            }
        } finally {
            states.close();
        }
    }

    private static NDArray onDevice(NDArray array, NDManager scope) {
        return array.toDevice(scope.getDevice(), false);
    }

    /** Scores each window after its predecessor in the subset as context, batch by batch. */
    private void scoreWithContext(Model model, ParameterStore parameters, BitsPerCharacter bpc,
            RandomAccessDataset test, NDManager scope) throws IOException, TranslateException {
        int record = 0;
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
}
