package io.parallellmu.benchmarks.suite;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.parallellmu.reports.schema.RunEnvironment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Reads the software versions, git commit and machine that every result records. */
public final class EnvironmentProbe {

    private static final String UNKNOWN = "unknown";

    private EnvironmentProbe() {}

    /**
     * Describes this JVM, engine and machine.
     *
     * @param device the device the runs train on
     * @return the environment
     */
    public static RunEnvironment environment(Device device) {
        Engine engine = Engine.getInstance();
        return new RunEnvironment(device.toString(), System.getProperty("java.version"), Engine.getDjlVersion(),
                engine.getVersion(), gitCommit(Path.of("").toAbsolutePath()), cpuModel(),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Describes the machine in one line.
     *
     * @return for example {@code Linux 6.1 amd64, 2 cores, AMD EPYC 7B13, 8.0 GiB}
     */
    public static String machine() {
        long bytes = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            bytes = os.getTotalMemorySize();
        }
        return String.format(Locale.ROOT, "%s %s %s, %d cores, %s, %.1f GiB", System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), cpuModel(), bytes / (1024.0 * 1024 * 1024));
    }

    /**
     * Returns the git commit of the working directory, with {@code -dirty} when tracked files changed.
     *
     * @param dir a directory inside the repository
     * @return the commit, or {@code unknown} outside a repository or without git
     */
    public static String gitCommit(Path dir) {
        String head = git(dir, "rev-parse", "HEAD");
        if (head.isEmpty()) {
            return UNKNOWN;
        }
        return git(dir, "status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "-dirty";
    }

    private static String git(Path dir, String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "git";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                return "";
            }
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            if (Files.isReadable(cpuinfo)) {
                for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            }
        } catch (IOException e) {
            // fall through to the JVM's architecture
        }
        return System.getProperty("os.arch", UNKNOWN);
    }
}
