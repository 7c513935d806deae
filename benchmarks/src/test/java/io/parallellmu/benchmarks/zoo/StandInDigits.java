package io.parallellmu.benchmarks.zoo;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Dataset;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.mnist.PermutedMnist;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.TranslateException;
import io.parallellmu.datasets.DataProvenance;
import java.io.IOException;

/**
 * The psMNIST stand-in's test digits as raw row-major images in [0, 1] with their labels, as a user would hand them
 * to a zoo model: the permuted records of {@link PermutedMnist} put back in pixel order.
 *
 * @param images one 784-value image per digit
 * @param labels the digits' classes
 * @param permutation the permutation the data set uses (step t shows pixel permutation[t])
 * @param permutationSeed its seed
 * @param dataKind the data's kind label
 * @param dataSource the data's source name
 * @param checksum the data's SHA-256
 */
record StandInDigits(float[][] images, int[] labels, int[] permutation, long permutationSeed, String dataKind,
        String dataSource, String checksum) {

    private static final int BATCH = 1000;

    /**
     * Loads a split of the default stand-in (fetched through the datasets module if missing).
     *
     * @param usage the split
     * @return the digits
     * @throws IOException if the data cannot be had
     * @throws TranslateException if a batch cannot be read
     */
    static StandInDigits load(Dataset.Usage usage) throws IOException, TranslateException {
        try (NDManager manager = NDManager.newBaseManager();
                PermutedMnist data = PermutedMnist.builder().optUsage(usage).optSource(DataSource.STAND_IN)
                        .optManager(manager).setSampling(BATCH, false).build()) {
            data.prepare();
            int[] order = data.getPermutation().order();
            int count = Math.toIntExact(data.size());
            float[][] images = new float[count][order.length];
            int[] labels = new int[count];
            int next = 0;
            for (Batch batch : data.getData(manager)) {
                try (batch) {
                    float[] sequences = batch.getData().head().toFloatArray(); // (B, 784, 1)
                    float[] classes = batch.getLabels().head().toFloatArray(); // (B)
                    for (int b = 0; b < classes.length; b++, next++) {
                        for (int t = 0; t < order.length; t++) {
                            images[next][order[t]] = sequences[b * order.length + t];
                        }
                        labels[next] = Math.round(classes[b]);
                    }
                }
            }
            DataProvenance provenance = data.provenance();
            return new StandInDigits(images, labels, order, data.getPermutation().seed(), provenance.kind().id(),
                    provenance.sourceName(), provenance.checksum());
        }
    }
}
