/**
 * The sections of {@code report.md}, each rendered from result rows to Markdown text.
 *
 * <p>{@link io.parallellmu.reports.markdown.MarkdownReport} puts together the summary ({@link
 * io.parallellmu.reports.markdown.SummaryTable}), one section per task ({@link
 * io.parallellmu.reports.markdown.TaskSection}), the skipped tasks ({@link
 * io.parallellmu.reports.markdown.SkippedSection}), the speed study ({@link
 * io.parallellmu.reports.markdown.SpeedSection}) and the provenance ({@link
 * io.parallellmu.reports.markdown.ProvenanceSection}). Rendering is deterministic: the same rows
 * give the same text, whatever their order in the files.
 */
package io.parallellmu.reports.markdown;
