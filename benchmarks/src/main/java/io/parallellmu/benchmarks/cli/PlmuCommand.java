package io.parallellmu.benchmarks.cli;

import io.parallellmu.benchmarks.device.DeviceCheckCommand;
import io.parallellmu.benchmarks.memory.MemoryCommand;
import io.parallellmu.benchmarks.speed.SpeedCommand;
import io.parallellmu.benchmarks.suite.SuiteCommand;
import io.parallellmu.datasets.bench.LoaderBenchCommand;
import io.parallellmu.datasets.fetch.FetchCommand;
import io.parallellmu.lti.LtiCommand;
import io.parallellmu.reports.cli.CompareCommand;
import io.parallellmu.reports.cli.InputFiles;
import io.parallellmu.reports.cli.ReportCommand;
import io.parallellmu.zoo.PublishCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/**
 * The project's command line. Every module's commands are subcommands here, so one entry point serves
 * {@code mvn exec:java}.
 */
@Command(
        name = "plmu",
        mixinStandardHelpOptions = true,
        version = "parallel-lmu 0.1.0",
        description = "Parallel LMU training on DJL: benchmarks, speed study, data and LTI inspection.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success",
            "1:a file could not be read or written (one line names it; an atomic write leaves the previous file"
                    + " intact), or another error",
            "2:a usage error: a bad option or value",
            "3:suite: a task was skipped for want of data",
            "4:suite: a run failed (diverged)"
        },
        subcommands = {
            SuiteCommand.class,
            SpeedCommand.class,
            DeviceCheckCommand.class,
            MemoryCommand.class,
            ReportCommand.class,
            CompareCommand.class,
            PublishCommand.class,
            FetchCommand.class,
            LoaderBenchCommand.class,
            LtiCommand.class
        })
public final class PlmuCommand implements Runnable {

    /** Exit status when a file cannot be read or written; the status report and compare give such failures too. */
    public static final int FILE_ERROR_EXIT = 1;

    /** Prints usage when no subcommand is given. */
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /**
     * Returns the command line, with its handling of failures: a file that cannot be read or written (a full disk,
     * say) is one line naming the file and exit status {@link #FILE_ERROR_EXIT}, with no stack trace; any other
     * exception keeps its stack trace.
     *
     * @return the command line, ready to execute
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new PlmuCommand());
        commandLine.setExecutionExceptionHandler(PlmuCommand::fileError);
        return commandLine;
    }

    private static int fileError(Exception e, CommandLine command, ParseResult parsed) throws Exception {
        IOException io = e instanceof UncheckedIOException unchecked ? unchecked.getCause()
                : e instanceof IOException checked ? checked : null;
        if (io == null) {
            throw e;
        }
        command.getErr().println(command.getCommandName() + ": " + InputFiles.describe(io));
        return FILE_ERROR_EXIT;
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
