package io.parallellmu.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.benchmarks.cli.PlmuCommand;
import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.reports.store.RunDirectory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on this machine: a master and two single-core workers, each its own JVM bound to
 * 127.0.0.1 with the test class path (no Spark installation), and {@code plmu suite --engine spark --master
 * spark://...} as a third. One worker and its executor are killed while a run trains there; every run still
 * finishes, once each, and nothing is lost or duplicated. Every process started is stopped, also on failure.
 */
class StandaloneClusterTest {

    private static final List<String> MODELS = List.of("lmu", "lstm");
    private static final List<String> SEEDS = List.of("0", "1");

    @TempDir
    Path temp;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aGridSurvivesAWorkerKilledMidRun() throws Exception {
        Path sparkHome = Files.createDirectories(temp.resolve("spark-home/jars")).getParent();
        int port = freePort();
        String master = "spark://127.0.0.1:" + port;
        start(sparkHome, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", Integer.toString(freePort()));
        List<Process> workers = new ArrayList<>();
        List<Path> workDirs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path work = Files.createDirectories(temp.resolve("worker" + i));
            workDirs.add(work);
            workers.add(start(sparkHome, "worker" + i, "org.apache.spark.deploy.worker.Worker", "--host",
                    "127.0.0.1", "--cores", "1", "--memory", "1536m", "--webui-port", Integer.toString(freePort()),
                    "--work-dir", work.toString(), master));
        }
        Path out = temp.resolve("out");
        Process driver = start(sparkHome, "driver", PlmuCommand.class.getName(), "suite", "--profile", "tiny",
                "--tasks", "mackey-glass", "--models", String.join(",", MODELS), "--seeds", String.join(",", SEEDS),
                "--engine", "spark", "--master", master, "--data-dir", temp.resolve("data").toString(),
                "--out", out.toString());

        int killed = awaitTraining(workDirs, driver);
        assertTrue(killed >= 0, "no executor started training: " + log("driver"));
        Process victim = workers.get(killed);
        victim.descendants().forEach(ProcessHandle::destroyForcibly); // its executor, mid-run
        victim.destroyForcibly();

        assertTrue(driver.waitFor(240, TimeUnit.SECONDS), "the suite ended: " + log("driver"));
        String driverLog = log("driver");
        assertEquals(0, driver.exitValue(), driverLog);
        assertTrue(driverLog.contains("Lost executor") || driverLog.contains("Lost task"),
                "the killed executor's run was lost and rescheduled: " + driverLog);
        RunDirectory results = new RunDirectory(out);
        List<RunResult> rows = results.results().read();
        Set<String> expected = MODELS.stream().flatMap(m -> SEEDS.stream().map(s -> m + "/" + s))
                .collect(Collectors.toSet());
        assertEquals(expected, rows.stream().map(r -> r.model().id() + "/" + r.seed()).collect(Collectors.toSet()));
        assertEquals(expected.size(), rows.size(), "each run once: " + rows);
        assertEquals(expected.size(), rows.stream().map(RunResult::key).collect(Collectors.toSet()).size());
        assertTrue(results.failed().read().isEmpty(), "no run failed");
        for (RunResult row : rows) {
            assertEquals(30, row.epochs(), row.key() + " trained every epoch");
            assertTrue(Double.isFinite(row.metricValue()), row.toString());
        }
        Set<RunKey> curveRuns = results.curves().read().stream()
                .map(p -> new RunKey(p.task(), p.model(), p.config(), p.seed())).collect(Collectors.toSet());
        assertEquals(rows.stream().map(RunResult::key).collect(Collectors.toSet()), curveRuns, "curves of every run");
        assertTrue(Files.isRegularFile(out.resolve("report.md")));
    }

    /** Waits until an executor's output shows a run training; returns its worker's index, or -1. */
    private static int awaitTraining(List<Path> workDirs, Process driver) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (driver.isAlive() && System.nanoTime() < deadline) {
            for (int i = 0; i < workDirs.size(); i++) {
                if (training(workDirs.get(i))) {
                    return i;
                }
            }
            Thread.sleep(20);
        }
        return -1;
    }

    /** Whether an executor under a worker's work directory has printed an epoch of a run still in progress. */
    private static boolean training(Path workDir) throws IOException {
        try (Stream<Path> files = Files.walk(workDir)) {
            Optional<Path> stdout = files.filter(f -> f.getFileName().toString().equals("stdout")).findFirst();
            if (stdout.isEmpty()) {
                return false;
            }
            String text = Files.readString(stdout.get(), StandardCharsets.UTF_8);
            return text.contains("Epoch 1/30") && !text.contains("Epoch 30/30");
        }
    }

    private Process start(Path sparkHome, String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m"));
        command.addAll(Arrays.asList(System.getProperty("plmu.sparkJvmOptions").split(" ")));
        command.addAll(List.of("-Dai.djl.offline=true", "-Dspark.ui.enabled=false",
                "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                "-Dspark.executor.memory=768m",
                // executors run on this machine: the test class path is theirs too
                "-Dspark.executor.extraClassPath=" + System.getProperty("java.class.path"),
                "-Dspark.executor.extraJavaOptions=-Dplmu.autoModes=" + temp.resolve("auto-modes.txt"),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process process = builder.start();
        started.add(0, process); // stopped in reverse order: driver, workers, master
        return process;
    }

    private String log(String name) throws IOException {
        return Files.readString(temp.resolve(name + ".log"), StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
