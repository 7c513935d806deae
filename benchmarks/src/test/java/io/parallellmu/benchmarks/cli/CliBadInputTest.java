package io.parallellmu.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The command-line bad-input matrix: each row is a command line, the exit status it must give (2, a usage error)
 * and words its message must hold; no stack trace is printed and the output directory is never created.
 */
class CliBadInputTest {

    private static final String OUT = "{out}";

    @TempDir Path temp;

    static Stream<Arguments> rows() {
        return Stream.of(
                row("lti --order 0 --theta 1", "--order must be 1 to 1024, got 0"),
                row("lti --order 100000 --theta 1", "--order must be 1 to 1024, got 100000"),
                row("lti --order 4 --theta NaN", "--theta must be positive and finite"),
                row("lti --order 4 --theta 4 --steps 100000000", "--steps must be 0 to 65536"),
                row("speed --lengths 0 --out " + OUT, "--lengths must each be at least 1, got 0"),
                row("speed --batch 0 --out " + OUT, "--batch must be at least 1"),
                row("speed --budget-seconds NaN --out " + OUT, "must be finite and at least 0, got NaN"),
                row("speed --configurations nope --out " + OUT, "unknown configuration 'nope'"),
                row("suite --seeds -1 --out " + OUT, "--seeds must be at least 0, got -1"),
                row("suite --max-minutes NaN --out " + OUT, "--max-minutes must be at least 0 and finite"),
                row("suite --max-minutes Infinity --out " + OUT, "--max-minutes must be at least 0 and finite"),
                row("suite --max-minutes -1 --out " + OUT, "--max-minutes must be at least 0 and finite"));
    }

    private static Arguments row(String commandLine, String words) {
        return Arguments.of(commandLine, 2, words);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void isAUsageErrorThatWritesNothing(String commandLine, int status, String words) {
        Path out = temp.resolve("out");
        List<String> args = new ArrayList<>();
        for (String arg : commandLine.split(" ")) {
            args.add(arg.equals(OUT) ? out.toString() : arg);
        }
        StringWriter err = new StringWriter();
        CommandLine command = PlmuCommand.commandLine();
        command.setErr(new PrintWriter(err, true));
        command.setOut(new PrintWriter(new StringWriter(), true));
        assertEquals(status, command.execute(args.toArray(String[]::new)), err.toString());
        assertTrue(err.toString().contains(words), err.toString());
        assertFalse(err.toString().contains("\tat "), "a stack trace: " + err);
        assertFalse(Files.exists(out), "the output directory was created");
    }
}
