package io.parallellmu.reports.schema;

/**
 * How a suite run was made, for the report's provenance section; stored as {@code
 * provenance.json}.
 *
 * @param commandLine the exact command line that produced the results
 * @param machine a one-line description of the machine, for example "Linux 6.1, 2 cores,
 *     AMD EPYC 7B13, 8 GiB"
 * @param reproduce how to reproduce the results, in Markdown (commands, data to fetch)
 * @param wallSeconds the suite's total wall time in seconds
 */
public record Provenance(String commandLine, String machine, String reproduce, double wallSeconds) {

    /**
     * Validates the provenance.
     *
     * @param commandLine the exact command line that produced the results
     * @param machine a one-line description of the machine, for example "Linux 6.1, 2 cores,
     *     AMD EPYC 7B13, 8 GiB"
     * @param reproduce how to reproduce the results, in Markdown (commands, data to fetch)
     * @param wallSeconds the suite's total wall time in seconds
     * @throws IllegalArgumentException when a text is blank or the wall time is negative
     */
    public Provenance {
        Checks.nonBlank(commandLine, "command line");
        Checks.nonBlank(machine, "machine");
        Checks.nonBlank(reproduce, "reproduce");
        Checks.nonNegative(wallSeconds, "wall seconds");
    }
}
