/**
 * The benchmark suite, the training-speed study and the project's command line. Nothing depends on this
 * module; it brings the framework, datasets and reports together.
 */
package io.parallellmu.benchmarks;
