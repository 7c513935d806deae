package io.parallellmu.reports.cli;

import io.parallellmu.reports.compare.RunComparison;
import io.parallellmu.reports.store.ResultsCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code compare A.csv B.csv}: prints what changed between two runs of the suite, per task and
 * model: the metric's delta and the ratio of training times.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Print what changed between two results CSVs, per task and model: the"
                + " metric delta (B - A, and whether it is better) and the training-time ratio"
                + " (B/A).")
public final class CompareCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A.csv", description = "The earlier results.")
    private Path a;

    @Parameters(index = "1", paramLabel = "B.csv", description = "The later results.")
    private Path b;

    /** {@inheritDoc} */
    @Override
    public Integer call() {
        try {
            InputFiles.requireExists(a);
            InputFiles.requireExists(b);
            spec.commandLine().getOut().print(RunComparison.render(
                    RunComparison.compare(new ResultsCsv(a).read(), new ResultsCsv(b).read()),
                    a.toString(), b.toString()));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("compare: " + InputFiles.describe(e));
            return 1;
        }
    }
}
