package io.parallellmu.datasets.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import io.parallellmu.datasets.DataDirectory;
import io.parallellmu.datasets.TaskDataset;
import io.parallellmu.datasets.fetch.StandInSources;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loader-bench}: for each loader, the time to prepare its training split, the time and records per
 * second of iterating one epoch of batches at the task's batch size (the median of 9 epochs after 20
 * untimed warm-up ones), and the peak heap meanwhile (the sum of the heap pools' peaks; tensors live off-heap).
 * Stand-ins are fetched before timing.
 */
@Command(
        name = "loader-bench",
        mixinStandardHelpOptions = true,
        description = "Measure each data loader's preparation and epoch iteration speed and peak heap.")
public final class LoaderBenchCommand implements Callable<Integer> {

    private static final int WARM_EPOCHS = 20;
    private static final int TIMED_EPOCHS = 9;

    @Option(names = "--only", split = ",", paramLabel = "CASE", description = "Run only these cases (default all)")
    private List<String> only;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data root (default as for fetch)")
    private Path dataDir;

    private final PrintStream out;

    /** Creates the command, printing to standard output. */
    public LoaderBenchCommand() {
        this(System.out);
    }

    /**
     * Creates the command.
     *
     * @param out where the report goes
     */
    LoaderBenchCommand(PrintStream out) {
        this.out = out;
    }

    /** {@inheritDoc} */
    @Override
    public Integer call() throws IOException, TranslateException {
        Path root = dataDir != null ? dataDir : DataDirectory.root();
        List<LoaderCase> cases = LoaderCase.all().stream().filter(c -> only == null || only.contains(c.name())).toList();
        if (cases.isEmpty()) {
            out.println("No case matches " + only + "; cases: " + LoaderCase.all().stream().map(LoaderCase::name).toList());
            return 2;
        }
        out.println(String.format(Locale.ROOT, "%-26s %8s %6s %9s %9s %12s %10s  %s",
                "case", "records", "batch", "prepare s", "epoch s", "records/s", "peak heap", "data"));
        for (LoaderCase c : cases) {
            if (c.standIn() != null) {
                StandInSources.byName(c.standIn()).ensure(root, out);
            }
            out.println(measure(c, root));
        }
        return 0;
    }

    private static String measure(LoaderCase c, Path root) throws IOException, TranslateException {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        try (NDManager manager = NDManager.newBaseManager()) {
            long start = System.nanoTime();
            RandomAccessDataset dataset = c.factory().build(root, manager, c.batchSize());
            dataset.prepare();
            long prepared = System.nanoTime();
            for (int i = 0; i < WARM_EPOCHS; i++) {
                epoch(dataset, manager); // lets the JIT compile the iteration path, as in a real training run
            }
            long records = 0;
            double[] seconds = new double[TIMED_EPOCHS];
            for (int i = 0; i < TIMED_EPOCHS; i++) {
                long begin = System.nanoTime();
                records = epoch(dataset, manager);
                seconds[i] = (System.nanoTime() - begin) / 1e9;
            }
            long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            Arrays.sort(seconds);
            double epochSeconds = seconds[TIMED_EPOCHS / 2];
            String data = dataset instanceof TaskDataset task
                    ? task.provenance().kind().id() + ": " + task.provenance().sourceName()
                    : "";
            return String.format(Locale.ROOT, "%-26s %8d %6d %9.3f %9.3f %12.0f %7.0f MB  %s",
                    c.name(),
                    records,
                    c.batchSize(),
                    (prepared - start) / 1e9,
                    epochSeconds,
                    records / epochSeconds,
                    peak / 1e6,
                    data);
        }
    }

    /** Iterates one epoch of batches, closing each, and returns the number of records. */
    private static long epoch(RandomAccessDataset dataset, NDManager manager) throws IOException, TranslateException {
        long records = 0;
        for (Batch batch : dataset.getData(manager)) {
            records += batch.getSize();
            batch.close();
        }
        return records;
    }
}
