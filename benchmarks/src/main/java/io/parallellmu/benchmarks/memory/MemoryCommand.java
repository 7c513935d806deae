package io.parallellmu.benchmarks.memory;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import io.parallellmu.datasets.DataDirectory;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.mnist.MnistArchive;
import io.parallellmu.datasets.mnist.MnistNpmStandIn;
import io.parallellmu.datasets.mnist.PermutedMnist;
import io.parallellmu.models.DefaultConfigs;
import io.parallellmu.models.Family;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.models.TaskModels;
import io.parallellmu.train.LearningRates;
import io.parallellmu.train.TrainingLoop;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains the psMNIST LMU ({@link DefaultConfigs#psMnist}: order 468, θ 784, hidden 346) for many short epochs on
 * the psMNIST stand-in and prints the resident set size after each epoch, then its growth after the reference
 * epoch. Native memory that is not released between batches (an unclosed batch, gradient wrapper or temporary)
 * makes the resident set grow epoch by epoch; the target is at most 5% growth after epoch 2.
 */
@Command(
        name = "memory",
        mixinStandardHelpOptions = true,
        description = {
            "Train the psMNIST LMU (DefaultConfigs) for short epochs on the psMNIST stand-in and print the resident",
            "set size (VmRSS) after each epoch, and its growth after the reference epoch (target ≤ 5%)."
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

    /** {@inheritDoc} */
    @Override
    public Integer call() throws Exception {
        if (epochs < referenceEpoch || referenceEpoch < 1) {
            throw new IllegalArgumentException(
                    "--reference-epoch must be in [1, --epochs], was " + referenceEpoch + " with " + epochs + " epochs");
        }
        PrintStream log = System.out;
        ModelConfig config = DefaultConfigs.psMnist(Family.LMU);
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
            log.printf(Locale.ROOT, "Memory: psMNIST LMU (%d parameters), %d epochs of %d batches of %d on %s%n",
                    TaskModels.countParameters(config), epochs, batches, batch, MnistNpmStandIn.NAME);
            int steps = epochs * batches;
            TrainingLoop.builder()
                    .setEpochs(epochs)
                    .optSeed(1)
                    .optLearningRate(LearningRates.warmUpCosine(1e-3f, 1e-4f, steps / 10, steps))
                    .optClipNorm(1f)
                    .optProgressBar(false)
                    .addListener(rss)
                    .build()
                    .fit(model, Loss.softmaxCrossEntropyLoss(), train, null,
                            TaskModels.inputShapes(config.task(), batch, MnistArchive.PIXELS));
        }
        double growth = rss.growthPercentAfter(referenceEpoch);
        log.printf(Locale.ROOT, "RSS growth from the end of epoch %d to the end of epoch %d: %+.2f%% (target ≤ %.0f%%): %s%n",
                referenceEpoch, epochs, growth, TARGET_GROWTH_PERCENT, growth <= TARGET_GROWTH_PERCENT ? "within" : "OVER");
        return 0;
    }
}
