package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.TaskId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.benchmarks.cli.PlmuCommand;
import io.parallellmu.reports.schema.SkippedTask;
import io.parallellmu.reports.store.RunDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code suite} command's help and its answers to bad input. */
class SuiteCommandTest {

    @TempDir
    Path temp;

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int execute(String... args) {
        CommandLine command = PlmuCommand.commandLine();
        command.setErr(new PrintWriter(err, true));
        command.setOut(new PrintWriter(out, true));
        return command.execute(args);
    }

    @Test
    void helpListsTheOptions() {
        assertEquals(0, execute("suite", "--help"));
        for (String option : List.of("--profile", "--tasks", "--models", "--seeds", "--device", "--data-dir", "--data",
                "--out", "--max-minutes", "--resume", "--force", "--save-models")) {
            assertTrue(out.toString().contains(option), "help lacks " + option);
        }
    }

    @Test
    void unknownTaskListsTheValidOnes() {
        assertEquals(2, execute("suite", "--tasks", "psmnist,cifar", "--out", temp.toString()));
        assertTrue(err.toString().contains("cifar"), err.toString());
        for (TaskId task : TaskId.values()) {
            assertTrue(err.toString().contains(task.id()), "the message lacks " + task.id() + ": " + err);
        }
        assertTrue(!Files.exists(temp.resolve(RunDirectory.RESULTS)), "nothing ran");
    }

    @Test
    void unknownModelListsTheValidOnes() {
        assertEquals(2, execute("suite", "--models", "gru", "--out", temp.toString()));
        for (String model : List.of("gru", "lmu", "original-lmu", "lstm", "transformer")) {
            assertTrue(err.toString().contains(model), "the message lacks " + model + ": " + err);
        }
    }

    @Test
    void unknownProfileDeviceAndSourceAreRejected() {
        assertEquals(2, execute("suite", "--profile", "huge", "--out", temp.toString()));
        assertTrue(err.toString().contains("tiny, quick, standard, paper"), err.toString());
        assertEquals(2, execute("suite", "--device", "tpu", "--out", temp.toString()));
        assertTrue(err.toString().contains("valid: cpu, gpu"), err.toString());
        assertEquals(2, execute("suite", "--data", "maybe", "--out", temp.toString()));
        assertTrue(err.toString().contains("valid: auto, official, stand-in"), err.toString());
        assertEquals(2, execute("suite", "--max-minutes", "-1", "--out", temp.toString()));
        assertTrue(err.toString().contains("--max-minutes must be at least 0"), err.toString());
    }

    @Test
    void anEngineNotOnTheClassPathOrAMasterWithoutOneIsRejected() {
        assertEquals(2, execute("suite", "--engine", "spark", "--out", temp.toString()));
        assertTrue(err.toString().contains("no engine 'spark' on the class path") && err.toString().contains("-pl cluster"),
                err.toString());
        assertEquals(2, execute("suite", "--master", "spark://127.0.0.1:7077", "--out", temp.toString()));
        assertTrue(err.toString().contains("--master needs --engine spark"), err.toString());
        assertTrue(!Files.exists(temp.resolve(RunDirectory.RESULTS)), "nothing ran");
    }

    @Test
    void missingOfficialDataIsASkipWithInstructionsNeverAResult() throws Exception {
        Path data = Files.createDirectories(temp.resolve("empty-data"));
        Path results = temp.resolve("out");

        int status = execute("suite", "--profile", "tiny", "--tasks", "imdb", "--data", "official", "--no-download",
                "--data-dir", data.toString(), "--out", results.toString());

        assertEquals(SuiteCommand.SKIPPED_EXIT, status);
        RunDirectory dir = new RunDirectory(results);
        assertTrue(dir.results().read().isEmpty(), "a skip is never a result");
        List<SkippedTask> skipped = dir.skipped().read();
        assertEquals(1, skipped.size());
        assertEquals(TaskId.IMDB, skipped.get(0).task());
        assertTrue(skipped.get(0).reason().contains("official"), skipped.get(0).reason());
        assertTrue(skipped.get(0).howToProvide().contains(data.resolve("imdb").toString()), skipped.get(0).howToProvide());
        assertTrue(Files.readString(dir.report()).contains("## Skipped tasks"));
        assertTrue(err.toString().contains("aclImdb"), err.toString());
    }
}
