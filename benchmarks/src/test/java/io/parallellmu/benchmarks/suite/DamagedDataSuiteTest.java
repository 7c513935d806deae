package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.TaskId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.benchmarks.cli.PlmuCommand;
import io.parallellmu.datasets.fetch.AtomicDirectory;
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

/**
 * Damaged official data skips its task with a message that says it is damaged and where, and the suite goes on to
 * the next task; before, an aclImdb name too long for a number raised NumberFormatException and ended the suite.
 */
class DamagedDataSuiteTest {

    @TempDir Path temp;

    @Test
    void damagedOfficialDataIsSkippedAsDamagedAndTheSuiteGoesOn() throws Exception {
        Path data = temp.resolve("data");
        OfficialFixtures.writeAll(data);
        AtomicDirectory.deleteRecursively(data.resolve("qqp"));
        Path bad = data.resolve("imdb/aclImdb/train/pos/99999999999999999999_9.txt");
        Files.writeString(bad, "a fine film");
        Path out = temp.resolve("out");

        StringWriter err = new StringWriter();
        CommandLine command = PlmuCommand.commandLine();
        command.setErr(new PrintWriter(err, true));
        int status = command.execute("suite", "--profile", "tiny", "--tasks", "imdb,qqp", "--models", "lmu",
                "--data", "official", "--data-dir", data.toString(), "--out", out.toString());

        assertEquals(SuiteCommand.SKIPPED_EXIT, status, err.toString());
        RunDirectory dir = new RunDirectory(out);
        assertTrue(dir.results().read().isEmpty(), "a skip is never a result");
        List<SkippedTask> skipped = dir.skipped().read();
        assertEquals(List.of(TaskId.IMDB, TaskId.QQP), skipped.stream().map(SkippedTask::task).sorted().toList(),
                "the suite went on to qqp after imdb failed");
        SkippedTask imdb = skipped.stream().filter(s -> s.task() == TaskId.IMDB).findFirst().orElseThrow();
        assertTrue(imdb.reason().contains("there but damaged") && imdb.reason().contains(bad.toString()),
                imdb.reason());
        assertTrue(err.toString().contains("there but damaged"), err.toString());
        assertFalse(err.toString().contains("NumberFormatException"), err.toString());
    }
}
