package io.parallellmu.datasets.fetch.official;

import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.datasets.fetch.Unpacking;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code fetch --official TASK|all} and {@code fetch --official --list}: fetches official data into the layout
 * the loaders read, or says per task what is present, what is missing and where it would come from.
 */
public final class OfficialCommand {

    private final Path root;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    /**
     * Creates the command.
     *
     * @param root the data root
     * @param out where progress and listings go
     * @param err where failures go
     * @param terminal true to redraw progress in place, false for periodic plain lines
     */
    public OfficialCommand(Path root, PrintStream out, PrintStream err, boolean terminal) {
        this.root = root;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /**
     * Resolves task names.
     *
     * @param names {@code all} or task ids
     * @return the table's entries, in table order
     * @throws IllegalArgumentException naming an unknown task and the valid ones
     */
    public static List<OfficialDataset> select(List<String> names) {
        Set<OfficialDataset> selected = new LinkedHashSet<>();
        for (String name : names) {
            if (name.equals("all")) {
                selected.addAll(OfficialSources.all());
            } else if (!generated().contains(name)) {
                selected.add(OfficialSources.forTask(name).orElseThrow(() -> new IllegalArgumentException(
                        "Unknown task '" + name + "'; valid: all, " + String.join(", ", generated())
                                + " (generated, nothing to download), " + OfficialSources.all().stream()
                                .map(OfficialDataset::task).collect(Collectors.joining(", ")))));
            }
        }
        return List.copyOf(selected);
    }

    /**
     * Fetches the official data of the named tasks.
     *
     * @param names {@code all} or task ids
     * @return 0 when every task's data is in place, 1 when a fetch failed
     * @throws IOException if the overrides cannot be read
     */
    public int fetch(List<String> names) throws IOException {
        List<OfficialDataset> selected = select(names);
        OfficialFetcher fetcher = new OfficialFetcher(root, SourceOverrides.fromEnvironment(), out, terminal);
        out.println("Data root: " + root);
        for (String task : generated()) {
            if (names.contains(task) || names.contains("all")) {
                printGenerated(task);
            }
        }
        List<String> failed = new ArrayList<>();
        for (OfficialDataset dataset : selected) {
            try {
                fetcher.fetch(dataset);
            } catch (IOException e) {
                err.println(dataset.task() + ": FAILED. " + e.getMessage());
                failed.add(dataset.task());
            }
        }
        out.println((selected.size() - failed.size()) + " of " + selected.size() + " official data sets ready"
                + (failed.isEmpty() ? "" : "; failed: " + String.join(", ", failed)));
        return failed.isEmpty() ? 0 : 1;
    }

    /**
     * Fetches what the suite needs before it runs with {@code --data official}: every named task whose data is
     * missing. Failures are reported and left for the suite to skip the task with its own instructions.
     *
     * @param tasks the suite's task ids
     * @throws IOException if the overrides cannot be read
     */
    public void fetchMissing(List<String> tasks) throws IOException {
        OfficialFetcher fetcher = new OfficialFetcher(root, SourceOverrides.fromEnvironment(), out, terminal);
        for (String task : tasks) {
            Optional<OfficialDataset> dataset = OfficialSources.forTask(task);
            if (dataset.isPresent()) {
                try {
                    fetcher.fetch(dataset.get());
                } catch (IOException e) {
                    err.println(task + ": official data missing and not downloaded. " + e.getMessage());
                }
            }
        }
    }

    /**
     * Prints, per task, what is present, what is missing and where it would come from.
     *
     * @return 0
     * @throws IOException if the overrides or the trusted-on-first-use record cannot be read
     */
    public int list() throws IOException {
        SourceOverrides overrides = SourceOverrides.fromEnvironment();
        TrustedOnFirstUse trusted = new TrustedOnFirstUse(root);
        out.println("Data root: " + root);
        generated().forEach(this::printGenerated);
        for (OfficialDataset table : OfficialSources.all()) {
            OfficialDataset dataset = overrides.apply(table);
            Path dir = dataset.layout().directory(root);
            List<String> missing = dataset.missing(dir);
            out.println();
            out.println(dataset.task() + ": " + (missing.isEmpty() ? "present" : "missing " + String.join(", ", missing))
                    + " in " + dir);
            out.println("  " + dataset.title());
            out.println("  terms: " + dataset.terms());
            out.println("  download " + ProgressPrinter.bytes(dataset.downloadBytes())
                    + (dataset.unpacking().format() == Unpacking.Format.NONE ? ""
                            : ", unpacked at most " + ProgressPrinter.bytes(dataset.unpacking().maxBytes())));
            for (OfficialFile file : dataset.files()) {
                out.println("  " + file.name() + "  "
                        + (file.size() >= 0 ? String.format(Locale.ROOT, "%,d bytes", file.size()) : "size not published"));
                out.println("    " + checksumLine(dataset.task(), file, trusted));
                out.println("    checksum source: " + file.checksumSource());
                out.println("    from: " + file.urls().stream().map(Object::toString).collect(Collectors.joining(", then ")));
            }
        }
        return 0;
    }

    private static String checksumLine(String task, OfficialFile file, TrustedOnFirstUse trusted) throws IOException {
        String md5 = file.md5() == null ? "" : ", MD5 " + file.md5();
        if (!file.trustedOnFirstUse()) {
            return "SHA-256 " + file.sha256() + md5;
        }
        return trusted.find(task, file.name())
                .map(e -> "trusted on first use: SHA-256 " + e.sha256() + " recorded " + e.date() + md5)
                .orElse("trusted on first use: SHA-256 recorded on the first download" + md5);
    }

    /** The tasks whose data the loader generates: those without a row in {@link OfficialSources}, in task order. */
    private static List<String> generated() {
        return Arrays.stream(TaskId.values()).map(TaskId::id).filter(id -> OfficialSources.forTask(id).isEmpty())
                .toList();
    }

    private void printGenerated(String task) {
        out.println(task + ": generated by the loader; nothing to download");
    }
}
