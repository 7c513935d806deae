package io.parallellmu.benchmarks.cli;

import io.parallellmu.benchmarks.device.DeviceCheckCommand;
import io.parallellmu.benchmarks.memory.MemoryCommand;
import io.parallellmu.benchmarks.speed.SpeedCommand;
import io.parallellmu.benchmarks.suite.SuiteCommand;
import io.parallellmu.datasets.bench.LoaderBenchCommand;
import io.parallellmu.datasets.fetch.FetchCommand;
import io.parallellmu.lti.LtiCommand;
import io.parallellmu.reports.cli.CompareCommand;
import io.parallellmu.reports.cli.ReportCommand;
import io.parallellmu.zoo.PublishCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The project's command line. Every module's commands are subcommands here, so one entry point serves
 * {@code mvn exec:java}.
 */
@Command(
        name = "plmu",
        mixinStandardHelpOptions = true,
        version = "parallel-lmu 0.1.0",
        description = "Parallel LMU training on DJL: benchmarks, speed study, data and LTI inspection.",
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

    /** Prints usage when no subcommand is given. */
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new PlmuCommand()).execute(args));
    }
}
