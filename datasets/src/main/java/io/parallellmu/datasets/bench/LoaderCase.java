package io.parallellmu.datasets.bench;

import io.parallellmu.vocabulary.TaskId;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.mackeyglass.MackeyGlass;
import io.parallellmu.datasets.mnist.FashionMnistDebStandIn;
import io.parallellmu.datasets.mnist.MnistNpmStandIn;
import io.parallellmu.datasets.mnist.PermutedMnist;
import java.nio.file.Path;
import java.util.List;

/**
 * One loader to benchmark: how to build its training split, at the task's batch size.
 *
 * @param name the case's name, used by {@code --only}
 * @param standIn the stand-in to fetch before timing, or {@code null} for generated data
 * @param batchSize the task's batch size
 * @param factory builds the (unprepared) training data set
 */
public record LoaderCase(String name, String standIn, int batchSize, Factory factory) {

    /** Builds a loader's training data set. */
    @FunctionalInterface
    public interface Factory {
        /**
         * Builds the data set, not yet prepared.
         *
         * @param dataDir the data root
         * @param manager the parent manager of its tensors
         * @param batchSize the batch size to sample with
         * @return the data set
         */
        RandomAccessDataset build(Path dataDir, NDManager manager, int batchSize);
    }

    /**
     * Lists the benchmarked loaders.
     *
     * @return the cases
     */
    public static List<LoaderCase> all() {
        return List.of(
                psMnist("psmnist-" + MnistNpmStandIn.NAME, MnistNpmStandIn.NAME),
                psMnist("psmnist-" + FashionMnistDebStandIn.NAME, FashionMnistDebStandIn.NAME),
                new LoaderCase(
                        TaskId.MACKEY_GLASS.id(),
                        null,
                        32,
                        (dataDir, manager, batch) ->
                                MackeyGlass.builder().optManager(manager).setSampling(batch, true).build()));
    }

    private static LoaderCase psMnist(String name, String standIn) {
        return new LoaderCase(
                name,
                standIn,
                100,
                (dataDir, manager, batch) ->
                        PermutedMnist.builder()
                                .optDataDir(dataDir)
                                .optSource(DataSource.STAND_IN)
                                .optStandIn(standIn)
                                .optManager(manager)
                                .setSampling(batch, true)
                                .build());
    }
}
