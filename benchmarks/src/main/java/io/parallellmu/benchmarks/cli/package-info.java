/** The project's one command line, {@code plmu}, run with {@code mvn exec:java} in the benchmarks module. */
package io.parallellmu.benchmarks.cli;
