/**
 * Checks that the engine computes every memory mode correctly on a given device (a GPU above all), with the
 * equivalence logic and tolerances of {@link io.parallellmu.nn.ModeEquivalence}.
 */
package io.parallellmu.benchmarks.device;
