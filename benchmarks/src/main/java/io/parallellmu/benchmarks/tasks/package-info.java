/**
 * One definition per task of the paper: how to load its data (official, or the stand-in) at the sizes a profile
 * asks for, which model families it is run with, its loss, its validation metric and its test metric.
 *
 * <p>{@link io.parallellmu.benchmarks.tasks.Tasks} lists them; the suite
 * ({@link io.parallellmu.benchmarks.suite}) runs them.
 */
package io.parallellmu.benchmarks.tasks;
