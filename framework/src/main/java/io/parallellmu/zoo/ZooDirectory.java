package io.parallellmu.zoo;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The directory the zoo lists published models from: the system property {@value #PROPERTY}, else the environment
 * variable {@value #ENV}, else {@code ~/.cache/parallel-lmu/zoo}. Each artifact is a sub-directory named by its id.
 */
public final class ZooDirectory {

    /** The system property that overrides the zoo directory. */
    public static final String PROPERTY = "plmu.zoo";
    /** The environment variable that overrides the zoo directory. */
    public static final String ENV = "PLMU_ZOO";

    private ZooDirectory() {}

    /**
     * Returns the zoo directory in force.
     *
     * @return the directory (it may not exist yet)
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
        return Paths.get(System.getProperty("user.home"), ".cache", "parallel-lmu", "zoo");
    }
}
