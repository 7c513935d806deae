package io.parallellmu.benchmarks.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import io.parallellmu.reports.schema.RunKey;

/**
 * Somewhere other than this JVM's own loop to execute a suite's pending runs, such as a cluster. The suite plans,
 * hands the engine the runs still to do and records every report the engine gives back, exactly as for a local run
 * (results.csv, curves.csv, failed.csv, skipped.csv, the artifacts and the report). An engine executes each run with
 * {@link SingleRun}; it writes nothing into the plan's output directory except the artifacts under
 * {@code <out>/models} that {@code --save-models} asks for.
 *
 * <p>Engines are made by a {@link Factory} that {@link java.util.ServiceLoader} finds by name, so that a module on
 * the class path can add one without this module depending on it.
 */
public interface RunEngine {

    /**
     * Returns the name {@code --engine} selects this engine by.
     *
     * @return such as {@code spark}
     */
    String name();

    /**
     * Executes the runs, handing each one's report to the sink as soon as it is in, from the calling thread.
     *
     * @param plan the suite's plan
     * @param runs the runs to do, in plan order
     * @param sink records each report
     * @param log where progress goes
     * @throws IOException if the sink cannot record a report, or the engine cannot start
     */
    void execute(SuitePlan plan, List<PlannedRun> runs, Sink sink, PrintStream log) throws IOException;

    /**
     * One planned run: its key and what the profile fixes for it.
     *
     * @param key task, family, config name and seed
     * @param config the profile's settings for it
     */
    record PlannedRun(RunKey key, RunConfig config) {}

    /**
     * Makes an engine; listed in {@code META-INF/services} of the module that provides it.
     */
    interface Factory {

        /**
         * Returns the name {@code --engine} selects this engine by.
         *
         * @return such as {@code spark}
         */
        String name();

        /**
         * Makes the engine.
         *
         * @param master where it runs (the engine's own URL syntax), or null for its default
         * @param coresPerRun the cores each run trains with
         * @return the engine
         */
        RunEngine create(String master, int coresPerRun);
    }

    /** Records the reports of an engine's runs. */
    @FunctionalInterface
    interface Sink {

        /**
         * Records one report.
         *
         * @param report how a run ended
         * @throws IOException if it cannot be written
         */
        void accept(RunReport report) throws IOException;
    }
}
