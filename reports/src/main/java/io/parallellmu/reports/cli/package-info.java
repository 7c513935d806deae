/**
 * The picocli {@code @Command}s of the reports module. They have no {@code main}: the benchmarks
 * module's CLI registers them as subcommands. Each returns exit code 0 on success and 1 when an
 * input file is missing or malformed, after printing the file, line and problem.
 */
package io.parallellmu.reports.cli;
