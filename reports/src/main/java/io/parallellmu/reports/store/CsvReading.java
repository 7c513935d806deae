package io.parallellmu.reports.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/** Reads a whole CSV file with a fixed header into records, or fails naming file and line. */
final class CsvReading {

    /** Parses one row into a record; may throw for a bad cell. */
    @FunctionalInterface
    interface RowParser<R> {
        R parse(CsvRow row) throws CsvFormatException;
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();

    private CsvReading() {}

    static <R> List<R> read(Reader reader, String source, List<String> header,
            RowParser<R> parser) throws IOException {
        try (CSVParser csv = parse(reader, source)) {
            checkHeader(csv.getHeaderNames(), header, source);
            List<R> rows = new ArrayList<>();
            long previousEnd = csv.getCurrentLineNumber();
            try {
                for (CSVRecord record : csv) {
                    long line = previousEnd + 1;
                    previousEnd = csv.getCurrentLineNumber();
                    if (record.size() != header.size()) {
                        throw new CsvFormatException(source, line, "expected " + header.size()
                                + " fields, found " + record.size());
                    }
                    rows.add(parseRow(parser, new CsvRow(record, source, line)));
                }
            } catch (UncheckedIOException e) {
                throw new CsvFormatException(source, previousEnd + 1,
                        "malformed CSV: " + e.getCause().getMessage());
            }
            return rows;
        }
    }

    private static CSVParser parse(Reader reader, String source) throws IOException {
        try {
            return FORMAT.parse(reader);
        } catch (IllegalArgumentException e) {
            throw new CsvFormatException(source, 1, "bad header: " + e.getMessage());
        }
    }

    private static <R> R parseRow(RowParser<R> parser, CsvRow row) throws CsvFormatException {
        try {
            return parser.parse(row);
        } catch (IllegalArgumentException e) {
            throw row.error("invalid row: " + e.getMessage());
        }
    }

    private static void checkHeader(List<String> actual, List<String> expected, String source)
            throws CsvFormatException {
        if (actual.isEmpty()) {
            throw new CsvFormatException(source, 1,
                    "no header; expected: " + String.join(",", expected));
        }
        Set<String> missing = new LinkedHashSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new LinkedHashSet<>(actual);
        extra.removeAll(expected);
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("missing column(s) " + String.join(", ", missing));
        }
        if (!extra.isEmpty()) {
            problems.add("unexpected column(s) " + String.join(", ", extra));
        }
        if (!problems.isEmpty()) {
            throw new CsvFormatException(source, 1, String.join("; ", problems)
                    + "; expected header: " + String.join(",", expected));
        }
    }
}
