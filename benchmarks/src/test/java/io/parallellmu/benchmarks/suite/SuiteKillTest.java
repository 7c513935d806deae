package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.benchmarks.cli.PlmuCommand;
import io.parallellmu.reports.schema.LearningCurvePoint;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.reports.store.RunDirectory;
import io.parallellmu.train.CheckpointState;
import io.parallellmu.train.Checkpoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite run killed with SIGKILL between two epochs resumes, in a new JVM, from its last checkpoint and ends
 * bit-identical to an uninterrupted run: the same saved parameters, test metric and learning curves. A finished run
 * deletes its checkpoints unless told to keep them.
 */
class SuiteKillTest {

    private static final String ARTIFACT = "mackey-glass-lmu-tiny-seed0";

    @TempDir
    Path temp;

    @Test
    void aRunKilledBetweenEpochsResumesToABitIdenticalEnd() throws Exception {
        Path reference = temp.resolve("reference");
        assertEquals(0, suite(reference).waitFor(), "the uninterrupted run");

        Path killed = temp.resolve("killed");
        Process child = suite(killed);
        Optional<Path> state = awaitCheckpoint(killed, child);
        assertTrue(child.isAlive(), "the run finished before it could be killed; it has 30 epochs");
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertTrue(state.isPresent());
        assertTrue(new RunDirectory(killed).results().read().isEmpty(), "the killed run was not recorded");
        CheckpointState beforeKill = Checkpoints.readState(state.get().getParent().getParent(), Checkpoints.LATEST);
        int epochsBeforeKill = beforeKill.epoch();

        assertEquals(0, suite(killed).waitFor(), "the rerun");
        String log = Files.readString(killed.resolve("log.txt"), StandardCharsets.UTF_8);
        String rerun = log.substring(log.lastIndexOf("Suite: profile tiny"));
        assertTrue(rerun.contains("from its checkpoint after epoch " + epochsBeforeKill), rerun);
        assertFalse(rerun.contains("Epoch " + epochsBeforeKill + "/30"), "the rerun repeated no epoch: " + rerun);
        assertTrue(rerun.contains("Epoch " + (epochsBeforeKill + 1) + "/30"), rerun);

        assertArrayEquals(parameters(reference), parameters(killed), "the resumed run's final parameters");
        RunResult expected = only(reference);
        RunResult actual = only(killed);
        assertEquals(expected.metricValue(), actual.metricValue(), 0.0, "test NRMSE");
        assertEquals(expected.bestEpoch(), actual.bestEpoch());
        assertEquals(30, actual.epochs());
        assertTrue(beforeKill.trainingSeconds() > 0);
        assertTrue(actual.trainSeconds() >= beforeKill.trainingSeconds(), "the time before the kill is counted");
        assertEquals(curves(reference), curves(killed), "every epoch's losses and NRMSE, before and after the kill");
        assertTrue(epochsBeforeKill >= 1 && epochsBeforeKill < 30, "killed after epoch " + epochsBeforeKill);
        try (Stream<Path> left = Files.list(killed.resolve(".checkpoints"))) {
            assertEquals(0, left.count(), "a finished run deletes its checkpoints");
        }
    }

    @Test
    void keepCheckpointsKeepsAFinishedRunsCheckpoints() throws Exception {
        Path out = temp.resolve("kept");
        SuitePlan tiny = TinySuites.plan(List.of(TaskId.MACKEY_GLASS), List.of(ModelFamily.LMU), temp, out, false);
        SuitePlan plan = new SuitePlan(tiny.profile(), tiny.tasks(), tiny.families(), tiny.seeds(), tiny.device(),
                tiny.dataDir(), tiny.source(), out, 0, false, false, TinySuites.COMMAND, true);
        assertEquals(1, new SuiteRunner(plan, System.out).run().finished());
        try (Stream<Path> runs = Files.list(out.resolve(".checkpoints"))) {
            Path run = runs.findFirst().orElseThrow();
            assertEquals(30, Checkpoints.readState(run, Checkpoints.LATEST).epoch());
            assertTrue(Checkpoints.exists(run, Checkpoints.BEST));
        }
    }

    /** Starts {@code plmu suite} on the tiny profile's Mackey-Glass LMU in a new JVM, its output in out/log.txt. */
    private Process suite(Path out) throws IOException {
        Files.createDirectories(out);
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=1",
                "-Dai.djl.pytorch.num_interop_threads=1",
                "-Dplmu.autoModes=" + temp.resolve("auto-modes.txt"), // both runs take AUTO's same choices
                "-cp", System.getProperty("java.class.path"),
                PlmuCommand.class.getName(),
                "suite", "--profile", "tiny", "--tasks", "mackey-glass", "--models", "lmu", "--seeds", "0",
                "--save-models", "--out", out.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.resolve("log.txt").toFile()));
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder.start();
    }

    /** Waits until the run's latest checkpoint exists, or the child has ended. */
    private static Optional<Path> awaitCheckpoint(Path out, Process child) throws Exception {
        Path checkpoints = out.resolve(".checkpoints");
        while (child.isAlive()) {
            if (Files.isDirectory(checkpoints)) {
                try (Stream<Path> runs = Files.list(checkpoints)) {
                    Optional<Path> state = runs.map(run -> run.resolve(Checkpoints.LATEST).resolve("state.json"))
                            .filter(Files::isRegularFile).findFirst();
                    if (state.isPresent()) {
                        return state;
                    }
                }
            }
            Thread.sleep(2);
        }
        return Optional.empty();
    }

    private static byte[] parameters(Path out) throws IOException {
        return Files.readAllBytes(out.resolve("models").resolve(ARTIFACT).resolve(ARTIFACT + "-0000.params"));
    }

    private static RunResult only(Path out) throws IOException {
        List<RunResult> results = new RunDirectory(out).results().read();
        assertEquals(1, results.size());
        return results.get(0);
    }

    private static List<String> curves(Path out) throws IOException {
        return new RunDirectory(out).curves().read().stream().map(SuiteKillTest::describe).toList();
    }

    private static String describe(LearningCurvePoint point) {
        return point.epoch() + " " + point.split() + " " + point.metric() + " " + point.value();
    }
}
