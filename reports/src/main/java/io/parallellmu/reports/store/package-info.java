/**
 * The files a suite run writes and the report reads: CSV tables and the provenance JSON.
 *
 * <p>Each CSV table ({@link io.parallellmu.reports.store.ResultsCsv}, {@link
 * io.parallellmu.reports.store.CurvesCsv}, {@link io.parallellmu.reports.store.SpeedCsv}, {@link
 * io.parallellmu.reports.store.SkippedCsv}) is read whole, and written whole through a temporary
 * file in the same directory followed by an atomic move ({@link
 * io.parallellmu.reports.store.AtomicFiles}): a run killed at any moment leaves either the old or
 * the new file, never a half-written one. Appending a row whose key is already present replaces
 * that row, so a rerun never duplicates a result.
 *
 * <p>Reading validates the header and every cell; a bad file fails with a {@link
 * io.parallellmu.reports.store.CsvFormatException} naming the file, the line and the column, and
 * nothing is half-loaded. The tables assume one writer at a time.
 *
 * <p>{@link io.parallellmu.reports.store.RunDirectory} names the files of one output directory.
 */
package io.parallellmu.reports.store;
