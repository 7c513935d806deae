package io.parallellmu.datasets.text8;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Dataset;
import io.parallellmu.datasets.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/** Run in its own JVM by {@link Text8HeapTest}: loads the official text8 TRAIN split and prints the peak heap. */
public final class Text8HeapProbe {

    private Text8HeapProbe() {}

    /**
     * Loads {@code <args[0]>/text8/text8} and prints "windows peakHeapBytes".
     *
     * @param args the data root
     * @throws Exception if loading fails
     */
    public static void main(String[] args) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Text8Dataset data =
                    Text8Dataset.builder()
                            .optDataDir(Path.of(args[0]))
                            .optSource(DataSource.OFFICIAL)
                            .optUsage(Dataset.Usage.TRAIN)
                            .optManager(manager)
                            .setSampling(128, true)
                            .build();
            data.prepare();
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println(data.size() + " " + peak);
        }
    }
}
