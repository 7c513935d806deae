/**
 * Training-speed measurements: one training step (forward, backward, optimizer) timed as the median of
 * repeated steps after warm-up, with FLOP counts and ratios against the recurrent baseline measured in the
 * same run. Times are measured here, never asserted in unit tests.
 */
package io.parallellmu.benchmarks.speed;
