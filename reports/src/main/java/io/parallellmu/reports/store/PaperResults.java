package io.parallellmu.reports.store;

import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.reports.schema.PaperResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The published figures shown beside our results, read from the one data file that holds them
 * with their sources: the bundled resource {@value #RESOURCE}.
 */
public final class PaperResults {

    /** The classpath resource holding the published figures. */
    public static final String RESOURCE = "/io/parallellmu/reports/paper-results.csv";

    /** The resource's columns, in file order; one per {@link PaperResult} component. */
    public static final List<String> COLUMNS = List.of(
            "task", "model", "label", "metric", "value", "parameters", "source", "note");

    private final List<PaperResult> figures;

    /**
     * Wraps a list of figures.
     *
     * @param figures the figures, in display order
     */
    public PaperResults(List<PaperResult> figures) {
        this.figures = List.copyOf(figures);
    }

    /**
     * Loads the bundled figures.
     *
     * @return the figures of {@value #RESOURCE}
     * @throws UncheckedIOException when the resource is missing or malformed (a build error)
     */
    public static PaperResults bundled() {
        try (InputStream in = PaperResults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("resource " + RESOURCE + " is missing from the classpath");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads figures in the format of {@value #RESOURCE}.
     *
     * @param reader the CSV text
     * @param source the name to give in error messages
     * @return the figures
     * @throws CsvFormatException naming the source, line and column of the first problem
     * @throws IOException when reading fails
     */
    public static PaperResults read(Reader reader, String source) throws IOException {
        return new PaperResults(CsvReading.read(reader, source, COLUMNS, row -> new PaperResult(
                row.id("task", TaskId.class, "task"),
                row.text("model"),
                row.text("label"),
                row.text("metric"),
                row.optionalDecimal("value"),
                row.optionalWhole("parameters"),
                row.text("source"),
                row.text("note"))));
    }

    /**
     * Returns every figure.
     *
     * @return the figures, in file order
     */
    public List<PaperResult> all() {
        return figures;
    }

    /**
     * Returns the figures of one task.
     *
     * @param task the task
     * @return its figures, in file order; empty when the paper gives none
     */
    public List<PaperResult> forTask(TaskId task) {
        return figures.stream().filter(figure -> figure.task() == task).toList();
    }
}
