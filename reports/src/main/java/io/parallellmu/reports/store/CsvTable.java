package io.parallellmu.reports.store;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV file of records with a fixed header, each row identified by a key.
 *
 * <p>Reads are whole-file and validated; every write rewrites the whole file atomically (see
 * {@link AtomicFiles}). Appending a row whose key is present replaces the old row. Appends and
 * removals hold a lock on the file from read to rewrite, across threads and processes.
 *
 * @param <R> the record of one row
 * @param <K> the key identifying a row
 */
public abstract class CsvTable<R, K> {

    private static final CSVFormat WRITE_FORMAT =
            CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final Path path;

    CsvTable(Path path) {
        this.path = path;
    }

    /**
     * Returns the file this table reads and writes.
     *
     * @return the path given at construction
     */
    public Path path() {
        return path;
    }

    /**
     * Returns the column names, in file order.
     *
     * @return the header
     */
    public abstract List<String> header();

    abstract List<String> values(R row);

    abstract R parse(CsvRow row) throws CsvFormatException;

    abstract K key(R row);

    /**
     * Reads every row.
     *
     * @return the rows in file order; empty when the file does not exist
     * @throws CsvFormatException naming the file, line and column of the first problem
     * @throws IOException when the file cannot be read
     */
    public List<R> read() throws IOException {
        if (!Files.exists(path)) {
            return List.of();
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return CsvReading.read(reader, path.toString(), header(), this::parse);
        }
    }

    /**
     * Returns the keys of every row.
     *
     * @return the keys in file order
     * @throws IOException when the file cannot be read or is malformed
     */
    public Set<K> keys() throws IOException {
        return read().stream().map(this::key).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * Tells whether a row with the given key is present.
     *
     * @param key the key to look for
     * @return true when the file holds a row with that key
     * @throws IOException when the file cannot be read or is malformed
     */
    public boolean contains(K key) throws IOException {
        return keys().contains(key);
    }

    /**
     * Adds a row, replacing any row with the same key, atomically.
     *
     * @param row the row to add
     * @throws IOException when the file cannot be read, is malformed, or cannot be written
     */
    public void append(R row) throws IOException {
        appendAll(List.of(row));
    }

    /**
     * Adds rows, replacing any rows with the same keys, in one atomic write. Replaced rows move
     * to the end, in the order given.
     *
     * @param rows the rows to add
     * @throws IOException when the file cannot be read, is malformed, or cannot be written
     */
    public void appendAll(Collection<R> rows) throws IOException {
        Set<K> replaced = rows.stream().map(this::key).collect(Collectors.toSet());
        update(existing -> {
            List<R> updated = new ArrayList<>();
            existing.stream().filter(row -> !replaced.contains(key(row))).forEach(updated::add);
            updated.addAll(rows);
            return updated;
        });
    }

    /**
     * Removes the row with the given key, if any, atomically.
     *
     * @param key the key of the row to remove
     * @throws IOException when the file cannot be read, is malformed, or cannot be written
     */
    public void remove(K key) throws IOException {
        update(existing -> existing.stream().filter(row -> !key(row).equals(key)).toList());
    }

    /**
     * Replaces the whole file with the given rows, atomically.
     *
     * @param rows the new content, in file order
     * @throws IOException when the file cannot be written
     */
    public void write(List<R> rows) throws IOException {
        AtomicFiles.write(path, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, WRITE_FORMAT);
            printer.printRecord(header());
            for (R row : rows) {
                printer.printRecord(values(row));
            }
            printer.flush();
        });
    }

    /** Reads, transforms and rewrites the whole file in one atomic write. */
    void update(UnaryOperator<List<R>> change) throws IOException {
        FileLocks.whileLocked(path, () -> write(change.apply(read())));
    }

    /** Formats a number so that reading it back gives the same double. */
    static String number(double value) {
        return Double.toString(value);
    }

    /** Formats an optional number; empty becomes an empty cell. */
    static String number(OptionalDouble value) {
        return value.isPresent() ? number(value.getAsDouble()) : "";
    }

    /** Formats an optional whole number; empty becomes an empty cell. */
    static String number(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "";
    }
}
