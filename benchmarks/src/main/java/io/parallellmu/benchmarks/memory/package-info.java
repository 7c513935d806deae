/**
 * The native-memory benchmark: trains the psMNIST LMU for many short epochs and reports the process's resident set
 * after each one, so that memory kept across epochs (unclosed batches, gradient wrappers or temporaries) shows as
 * growth. Measured here, never asserted in unit tests.
 */
package io.parallellmu.benchmarks.memory;
