package io.parallellmu.reports.store;

import io.parallellmu.vocabulary.Identified;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;
import org.apache.commons.csv.CSVRecord;

/** One data row being read, whose typed getters fail with the file, line and column. */
final class CsvRow {

    private final CSVRecord record;
    private final String source;
    private final long line;

    CsvRow(CSVRecord record, String source, long line) {
        this.record = record;
        this.source = source;
        this.line = line;
    }

    String text(String column) {
        return record.get(column);
    }

    int integer(String column) throws CsvFormatException {
        return parse(column, "a whole number", Integer::parseInt);
    }

    long whole(String column) throws CsvFormatException {
        return parse(column, "a whole number", Long::parseLong);
    }

    double decimal(String column) throws CsvFormatException {
        return parse(column, "a number", Double::parseDouble);
    }

    OptionalDouble optionalDecimal(String column) throws CsvFormatException {
        return text(column).isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(decimal(column));
    }

    OptionalLong optionalWhole(String column) throws CsvFormatException {
        return text(column).isEmpty() ? OptionalLong.empty() : OptionalLong.of(whole(column));
    }

    Instant instant(String column) throws CsvFormatException {
        return parse(column, "an ISO-8601 instant such as 2025-01-31T12:00:00Z", Instant::parse);
    }

    <E extends Enum<E> & Identified> E id(String column, Class<E> type, String what)
            throws CsvFormatException {
        return convert(column, text -> Identified.fromId(type, text, what));
    }

    /** Parses a cell, explaining a failure as "is not {@code expected}". */
    <T> T parse(String column, String expected, Function<String, T> parser)
            throws CsvFormatException {
        String text = text(column);
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw error("column '" + column + "': '" + text + "' is not " + expected);
        }
    }

    /** Converts a cell, explaining a failure with the converter's own message. */
    <T> T convert(String column, Function<String, T> converter) throws CsvFormatException {
        try {
            return converter.apply(text(column));
        } catch (IllegalArgumentException e) {
            throw error("column '" + column + "': " + e.getMessage());
        }
    }

    CsvFormatException error(String problem) {
        return new CsvFormatException(source, line, problem);
    }
}
