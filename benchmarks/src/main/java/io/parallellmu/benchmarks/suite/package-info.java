/**
 * The benchmark suite: every task of the paper × every model family, under a {@link
 * io.parallellmu.benchmarks.suite.Profile} (tiny, quick, standard, paper), resumable, with results, learning
 * curves, skipped tasks, provenance and the Markdown report written into one output directory. {@link
 * io.parallellmu.benchmarks.suite.SuiteCommand} is the {@code suite} command line.
 */
package io.parallellmu.benchmarks.suite;
