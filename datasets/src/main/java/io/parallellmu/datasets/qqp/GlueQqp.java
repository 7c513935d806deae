package io.parallellmu.datasets.qqp;

import io.parallellmu.datasets.DataFiles;
import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.datasets.text.SentencePair;
import io.parallellmu.datasets.text.Utf8Text;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * GLUE's QQP files {@code train.tsv} and {@code dev.tsv}: UTF-8, tab-separated, no quoting, a header line
 * {@code id qid1 qid2 question1 question2 is_duplicate}, then one pair per line with {@code is_duplicate} 0 or
 * 1. Every line must have exactly six columns; an empty line is an error too.
 */
public final class GlueQqp {

    /** The header's columns. */
    public static final List<String> COLUMNS = List.of("id", "qid1", "qid2", "question1", "question2", "is_duplicate");

    private static final CSVFormat TSV =
            CSVFormat.TDF.builder()
                    .setQuote(null)
                    .setIgnoreEmptyLines(false)
                    .setIgnoreSurroundingSpaces(false)
                    .setTrim(false)
                    .get();

    private GlueQqp() {}

    /**
     * Reads one file.
     *
     * @param file {@code train.tsv} or {@code dev.tsv}
     * @return its pairs, label 1 for duplicates
     * @throws IOException if the file cannot be read, or (naming the line) is not UTF-8, has a wrong header,
     *     a wrong column count or a bad label, or holds no pairs
     */
    public static List<SentencePair> read(Path file) throws IOException {
        DataFiles.requireFile(file, "a GLUE QQP TSV file");
        String text = Utf8Text.decode(Files.readAllBytes(file), file);
        List<SentencePair> pairs = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), TSV)) {
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber();
                if (record.size() != COLUMNS.size()) {
                    throw new DataFormatException(
                            file,
                            "line " + line,
                            "expected " + COLUMNS.size() + " tab-separated columns (" + String.join(" ", COLUMNS)
                                    + ") but found " + record.size());
                }
                if (line == 1) {
                    if (!record.toList().equals(COLUMNS)) {
                        throw new DataFormatException(
                                file, "line 1", "expected the header " + String.join(" ", COLUMNS) + " but found " + record.toList());
                    }
                    continue;
                }
                String label = record.get(5);
                if (!label.equals("0") && !label.equals("1")) {
                    throw new DataFormatException(file, "line " + line, "is_duplicate must be 0 or 1, got '" + label + "'");
                }
                pairs.add(new SentencePair(record.get(3), record.get(4), Integer.parseInt(label)));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (pairs.isEmpty()) {
            throw new DataFormatException(file, "line 2", "empty data set: no question pairs after the header");
        }
        return pairs;
    }
}
