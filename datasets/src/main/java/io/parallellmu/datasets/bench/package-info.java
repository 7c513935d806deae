/**
 * Measures how fast each task's loader prepares its data and iterates an epoch of batches, so that
 * loading can be compared with training.
 */
package io.parallellmu.datasets.bench;
