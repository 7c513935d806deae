package io.parallellmu.reports.markdown;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A Markdown (GitHub) table whose columns are padded to equal width, so that it also reads well
 * as plain text.
 */
public final class MarkdownTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * Starts a table.
     *
     * @param headers the column titles
     */
    public MarkdownTable(String... headers) {
        this.headers = List.of(headers);
    }

    /**
     * Adds a row.
     *
     * @param cells one cell per column; '|', '&lt;' and '&gt;' are escaped, so a cell is shown as
     *     written, and a line break ('\n') becomes {@code <br>}
     * @return this table
     * @throws IllegalArgumentException when the number of cells is not the number of columns
     */
    public MarkdownTable addRow(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has "
                    + headers.size() + " columns: " + Arrays.toString(cells));
        }
        rows.add(Arrays.stream(cells).map(MarkdownTable::escape).toList());
        return this;
    }

    /**
     * Renders the table.
     *
     * @return the header line, the separator line and one line per row, each ending in '\n'
     */
    public String render() {
        int[] widths = new int[headers.size()];
        for (List<String> line : allLines()) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], line.get(column).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, headers, widths);
        appendLine(out, Arrays.stream(widths).mapToObj("-"::repeat).toList(), widths);
        rows.forEach(row -> appendLine(out, row, widths));
        return out.toString();
    }

    private List<List<String>> allLines() {
        List<List<String>> lines = new ArrayList<>(rows);
        lines.add(headers);
        lines.add(Collections.nCopies(headers.size(), "---"));
        return lines;
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int column = 0; column < widths.length; column++) {
            String cell = cells.get(column);
            out.append(' ').append(cell).append(" ".repeat(widths[column] - cell.length()))
                    .append(" |");
        }
        out.append('\n');
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", "").replace("\n", "<br>");
    }
}
