package io.parallellmu.benchmarks.memory;

import io.parallellmu.vocabulary.ModelFamily;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import io.parallellmu.datasets.DataDirectory;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.mnist.MnistArchive;
import io.parallellmu.datasets.mnist.MnistNpmStandIn;
import io.parallellmu.datasets.mnist.PermutedMnist;
import io.parallellmu.models.DefaultConfigs;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.models.TaskModels;
import io.parallellmu.train.Optimisation;
import io.parallellmu.train.TrainingLoop;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains the psMNIST LMU ({@link DefaultConfigs#psMnist}: order 468, θ 784, hidden 346) for many short epochs on
 * the psMNIST stand-in and prints the resident set size after each epoch, then its growth after the reference
 * epoch. Native memory that is not released between batches (an unclosed batch, gradient wrapper or temporary)
 * makes the resident set grow epoch by epoch; the target is at most 5% growth after epoch 2.
 *
 * <p>The training runs in a JVM of its own ({@link ChildJvm}) unless {@code --in-process} is given: under
 * {@code mvn exec:java} this process is Maven's, whose own memory is no part of the workload. The child runs with
 * glibc's mmap threshold fixed ({@code MALLOC_MMAP_THRESHOLD_}, {@code --mmap-threshold}): by default glibc raises
 * the threshold the first time a large mmapped block is freed, after which tensors of up to 32 MiB come from the
 * fragmenting heap instead of being unmapped when freed. That shows as a one-off step of about 20 MiB at an
 * unpredictable epoch, in about half of the runs, which is the allocator's policy rather than memory the
 * training keeps; {@code --mmap-threshold 0} leaves glibc's default so that the step can be seen.
 */
@Command(
        name = "memory",
        mixinStandardHelpOptions = true,
        description = {
            "Train the psMNIST LMU (DefaultConfigs) for short epochs on the psMNIST stand-in and print the resident",
            "set size (VmRSS) after each epoch, and its growth after the reference epoch (target ≤ 5%%).",
            "The training runs in a JVM of its own, so that Maven's memory is not measured."
        })
public final class MemoryCommand implements Callable<Integer> {

    /** The largest acceptable growth of the resident set after the reference epoch, in percent. */
    static final double TARGET_GROWTH_PERCENT = 5.0;

    @Option(names = "--epochs", defaultValue = "20", description = "Epochs. Default: ${DEFAULT-VALUE}.")
    private int epochs;

    @Option(names = "--batches", defaultValue = "20", description = "Batches per epoch. Default: ${DEFAULT-VALUE}.")
    private int batches;

    @Option(names = "--batch", defaultValue = "100", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    private int batch;

    @Option(names = "--reference-epoch", defaultValue = "2",
            description = "Growth is measured from the end of this epoch. Default: ${DEFAULT-VALUE}.")
    private int referenceEpoch;

    @Option(names = "--data-dir", description = "Data root (default: PLMU_DATA, plmu.data or ~/.cache/parallel-lmu/data).")
    private Path dataDir;

    @Option(names = "--mmap-threshold", defaultValue = "131072", paramLabel = "BYTES",
            description = {"glibc's MALLOC_MMAP_THRESHOLD_ for the training JVM: blocks this large or larger are",
                "mmapped and returned to the OS when freed; 0 keeps glibc's dynamic threshold. Default: ${DEFAULT-VALUE}."})
    private long mmapThreshold;

    @Option(names = "--in-process", hidden = true, description = "Train in this JVM (used by the child JVM).")
    private boolean inProcess;

    /**
     * Runs the measurement in this JVM; the entry point of the child JVM.
     *
     * @param args the command's options, with {@code --in-process}
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new MemoryCommand()).execute(args));
    }

    /** {@inheritDoc} */
    @Override
    public Integer call() throws Exception {
        if (mmapThreshold < 0) {
            throw new IllegalArgumentException("--mmap-threshold must be ≥ 0 bytes, was " + mmapThreshold);
        }
        if (epochs < referenceEpoch || referenceEpoch < 1) {
            throw new IllegalArgumentException(
                    "--reference-epoch must be in [1, --epochs], was " + referenceEpoch + " with " + epochs + " epochs");
        }
        if (!inProcess) {
            List<String> args = new ArrayList<>(List.of("--in-process", "--epochs=" + epochs, "--batches=" + batches,
                    "--batch=" + batch, "--reference-epoch=" + referenceEpoch));
            if (dataDir != null) {
                args.add("--data-dir=" + dataDir);
            }
            Map<String, String> environment = mmapThreshold > 0
                    ? Map.of("MALLOC_MMAP_THRESHOLD_", Long.toString(mmapThreshold)) : Map.of();
            return ChildJvm.run(MemoryCommand.class, args, environment);
        }
        return measure();
    }

    private int measure() throws Exception {
        PrintStream log = System.out;
        ModelConfig config = DefaultConfigs.psMnist(ModelFamily.LMU);
        EpochRss rss = new EpochRss(log);
        try (NDManager data = NDManager.newBaseManager(); Model model = Model.newInstance("psmnist-lmu-memory")) {
            PermutedMnist train = PermutedMnist.builder()
                    .optDataDir(dataDir == null ? DataDirectory.root() : dataDir)
                    .optSource(DataSource.STAND_IN)
                    .optStandIn(MnistNpmStandIn.NAME)
                    .optManager(data)
                    .setSampling(batch, true)
                    .optLimit((long) batches * batch)
                    .build();
            train.prepare();
            model.setBlock(TaskModels.create(config));
            String threshold = System.getenv("MALLOC_MMAP_THRESHOLD_");
            log.printf(Locale.ROOT, "Memory: psMNIST LMU (%d parameters), %d epochs of %d batches of %d on %s;"
                            + " JVM pid %d, glibc mmap threshold %s%n",
                    TaskModels.countParameters(config), epochs, batches, batch, MnistNpmStandIn.NAME,
                    ProcessHandle.current().pid(), threshold == null ? "dynamic (glibc default)" : threshold + " bytes");
            int steps = epochs * batches;
            TrainingLoop.builder()
                    .setEpochs(epochs)
                    .optSeed(1)
                    .optOptimisation(Optimisation.WARM_UP_COSINE_CLIP_1, 1e-3f, steps)
                    .optProgressBar(false)
                    .addListener(rss)
                    .build()
                    .fit(model, Loss.softmaxCrossEntropyLoss(), train, null,
                            TaskModels.inputShapes(config.task(), batch, MnistArchive.PIXELS));
        }
        double growth = rss.heldGrowthPercentAfter(referenceEpoch);
        log.printf(Locale.ROOT, "RSS growth from the end of epoch %d to the end of epoch %d: held %+.2f%% (target ≤ %.0f%%):"
                        + " %s; as is %+.2f%%%s%n",
                referenceEpoch, epochs, growth, TARGET_GROWTH_PERCENT, growth <= TARGET_GROWTH_PERCENT ? "within" : "OVER",
                rss.asIsGrowthPercentAfter(referenceEpoch),
                rss.trimmed() ? "" : " (this JVM cannot trim its native heap: both readings include allocator caches)");
        return 0;
    }
}
