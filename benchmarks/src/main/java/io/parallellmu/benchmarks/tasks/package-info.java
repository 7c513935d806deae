/**
 * One definition per task of the paper: which of its data set's splits to load at the sizes a profile asks for,
 * which model families it is run with, its loss, its validation metric, how its test split is scored
 * ({@link io.parallellmu.benchmarks.tasks.TestScoring}), and what each profile runs on it
 * ({@link io.parallellmu.benchmarks.tasks.RunSettings}, with the sources of its settings). What the data is (its
 * files, official layout, stand-ins and preprocessing) lives with the task's data set in
 * {@code io.parallellmu.datasets}.
 *
 * <p>Each definition registers itself with {@code @AutoService(BenchmarkTask.class)};
 * {@link io.parallellmu.benchmarks.tasks.Tasks} finds them; the suite ({@link io.parallellmu.benchmarks.suite}) runs
 * them.
 */
package io.parallellmu.benchmarks.tasks;
