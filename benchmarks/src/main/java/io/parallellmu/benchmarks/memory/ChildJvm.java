package io.parallellmu.benchmarks.memory;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a main class in a fresh JVM with this code's class path, its output going to this process's output. Under
 * {@code mvn exec:java} the commands run inside Maven's own JVM, whose plugins, class loaders and compiler threads
 * are no part of the workload; a measurement of the process's resident set must not include them.
 */
final class ChildJvm {

    private ChildJvm() {}

    /**
     * Runs {@code mainClass} with {@code args} in a new JVM and waits for it.
     *
     * @param mainClass the class whose {@code main} runs
     * @param args its arguments
     * @param environment variables to set in the child's environment, on top of this process's
     * @return the child's exit code
     * @throws IOException if the JVM cannot be started
     * @throws InterruptedException if interrupted while waiting (the child is then destroyed)
     */
    static int run(Class<?> mainClass, List<String> args, Map<String, String> environment) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String property : new String[] {"ai.djl.offline", "plmu.data"}) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add("-cp");
        command.add(classPath(mainClass));
        command.add(mainClass.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(environment);
        Process child = builder.start();
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            child.destroyForcibly();
            throw e;
        }
    }

    /** The class path that loaded {@code type}: the class loader's URLs under exec:java, else java.class.path. */
    private static String classPath(Class<?> type) {
        if (type.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            return Arrays.stream(loader.getURLs()).map(ChildJvm::file).collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static String file(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("class path entry is not a file: " + url, e);
        }
    }
}
