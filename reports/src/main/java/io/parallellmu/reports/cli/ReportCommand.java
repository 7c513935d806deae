package io.parallellmu.reports.cli;

import io.parallellmu.reports.ReportGenerator;
import io.parallellmu.reports.ReportGenerator.WrittenReport;
import io.parallellmu.reports.schema.Provenance;
import io.parallellmu.reports.schema.ReportInputs;
import io.parallellmu.reports.store.CsvTable;
import io.parallellmu.reports.store.CurvesCsv;
import io.parallellmu.reports.store.ProvenanceJson;
import io.parallellmu.reports.store.ResultsCsv;
import io.parallellmu.reports.store.RunDirectory;
import io.parallellmu.reports.store.SkippedCsv;
import io.parallellmu.reports.store.SpeedCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code report}: regenerates {@code report.md} and its charts from result files, without
 * rerunning anything. Beside each results CSV it reads the directory's {@code curves.csv}, {@code
 * speed.csv}, {@code skipped.csv} and {@code provenance.json} when present, unless other files are
 * given.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Regenerate report.md and its charts from one or more results CSVs,"
                + " without rerunning anything.",
            "Beside each results CSV, the directory's curves.csv, speed.csv, skipped.csv and"
                + " provenance.json are read when present; the options below replace them."})
public final class ReportCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULTS.csv",
            description = "Results files; a run in a later file replaces the same run in an"
                    + " earlier one.")
    private List<Path> results;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Where report.md and charts/ go (default: the first results file's"
                    + " directory).")
    private Path out;

    @Option(names = "--curves", paramLabel = "FILE", split = ",",
            description = "Learning-curve files, instead of each directory's curves.csv.")
    private List<Path> curves;

    @Option(names = "--speed", paramLabel = "FILE", split = ",",
            description = "Speed-study files, instead of each directory's speed.csv.")
    private List<Path> speed;

    @Option(names = "--skipped", paramLabel = "FILE", split = ",",
            description = "Skipped-task files, instead of each directory's skipped.csv.")
    private List<Path> skipped;

    @Option(names = "--provenance", paramLabel = "FILE",
            description = "Provenance file, instead of the directories' provenance.json.")
    private Path provenance;

    /** {@inheritDoc} */
    @Override
    public Integer call() {
        try {
            Path target = out != null ? out : directory(results.get(0));
            WrittenReport written = ReportGenerator.generate(readInputs(), target);
            spec.commandLine().getOut().println("Wrote " + written.report() + " and "
                    + written.charts().size() + " chart files in " + target.resolve(
                            RunDirectory.CHARTS));
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("report: " + InputFiles.describe(e));
            return 1;
        }
    }

    private ReportInputs readInputs() throws IOException {
        List<ReportInputs> parts = new ArrayList<>();
        for (Path file : results) {
            InputFiles.requireExists(file);
            RunDirectory dir = new RunDirectory(directory(file));
            parts.add(new ReportInputs(
                    new ResultsCsv(file).read(),
                    curves == null ? dir.curves().read() : List.of(),
                    speed == null ? dir.speed().read() : List.of(),
                    skipped == null ? dir.skipped().read() : List.of(),
                    provenance == null && Files.exists(dir.provenance())
                            ? Optional.of(ProvenanceJson.read(dir.provenance()))
                            : Optional.empty()));
        }
        parts.add(new ReportInputs(List.of(),
                readAll(curves, CurvesCsv::new), readAll(speed, SpeedCsv::new),
                readAll(skipped, SkippedCsv::new), readProvenance()));
        return ReportInputs.merge(parts);
    }

    private Optional<Provenance> readProvenance() throws IOException {
        if (provenance == null) {
            return Optional.empty();
        }
        InputFiles.requireExists(provenance);
        return Optional.of(ProvenanceJson.read(provenance));
    }

    private static <R> List<R> readAll(List<Path> files,
            Function<Path, ? extends CsvTable<R, ?>> table) throws IOException {
        List<R> rows = new ArrayList<>();
        for (Path file : files == null ? List.<Path>of() : files) {
            InputFiles.requireExists(file);
            rows.addAll(table.apply(file).read());
        }
        return rows;
    }

    private static Path directory(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(".");
    }
}
