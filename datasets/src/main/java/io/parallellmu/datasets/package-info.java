/**
 * The seven benchmark tasks' data as DJL {@link ai.djl.training.dataset.Dataset}s.
 *
 * <p>Each task reads its official file layout from {@link io.parallellmu.datasets.DataDirectory} when the
 * user provides it, and otherwise a real offline stand-in (or, for QQP and SNLI, synthetic data) that the
 * {@link io.parallellmu.datasets.fetch} package obtains through the machine's package managers. Every
 * loaded data set carries a {@link io.parallellmu.datasets.DataProvenance} that says which of these it is.
 *
 * <p>A task's package is its one home: its loader, its stand-ins, and its
 * {@link io.parallellmu.datasets.OfficialLayout} (which official files go where, and how a user provides them),
 * stated once on its data set and read by the loader, the official fetcher and the suite.
 */
package io.parallellmu.datasets;
