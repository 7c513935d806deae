package io.parallellmu.reports.store;

import io.parallellmu.vocabulary.ModelFamily;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parallellmu.reports.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A results file edited by hand or truncated is rejected with its file, line and column. */
class BadCsvInputTest {

    @TempDir Path dir;

    private ResultsCsv csv;
    private List<String> lines;

    @BeforeEach
    void writeTwoGoodRows() throws IOException {
        csv = new ResultsCsv(dir.resolve("results.csv"));
        csv.append(Fixtures.psmnist(ModelFamily.LMU, 1, 0.5));
        csv.append(Fixtures.psmnist(ModelFamily.LMU, 2, 0.6));
        lines = new ArrayList<>(Files.readAllLines(csv.path()));
    }

    @Test
    void missingColumnIsNamed() throws IOException {
        rewrite(line -> line.substring(0, line.lastIndexOf(',')));
        CsvFormatException e = assertThrows(CsvFormatException.class, csv::read);
        assertEquals(csv.path() + ", line 1: missing column(s) timestamp; expected header: "
                + String.join(",", ResultsCsv.COLUMNS), e.getMessage());
    }

    @Test
    void extraColumnIsNamed() throws IOException {
        rewrite(line -> line + (line.startsWith("task,") ? ",comment" : ",x"));
        CsvFormatException e = assertThrows(CsvFormatException.class, csv::read);
        assertEquals(1, e.line());
        assertEquals(csv.path().toString(), e.source());
        assertEquals(csv.path() + ", line 1: unexpected column(s) comment; expected header: "
                + String.join(",", ResultsCsv.COLUMNS), e.getMessage());
    }

    @Test
    void unparsableNumberNamesLineAndColumn() throws IOException {
        lines.set(2, lines.get(2).replace(",0.6,", ",zero point six,"));
        Files.write(csv.path(), lines);
        CsvFormatException e = assertThrows(CsvFormatException.class, csv::read);
        assertEquals(csv.path() + ", line 3: column 'metric_value': 'zero point six' is not a"
                + " number", e.getMessage());
    }

    @Test
    void unknownModelListsTheValidOnes() throws IOException {
        lines.set(1, lines.get(1).replace("psmnist,lmu,", "psmnist,gru,"));
        Files.write(csv.path(), lines);
        CsvFormatException e = assertThrows(CsvFormatException.class, csv::read);
        assertEquals(csv.path() + ", line 2: column 'model': unknown model 'gru'; valid models: "
                + "lmu, original-lmu, lstm, transformer, ssm", e.getMessage());
    }

    @Test
    void shortRowNamesItsLine() throws IOException {
        lines.set(2, lines.get(2).substring(0, lines.get(2).lastIndexOf(',')));
        Files.write(csv.path(), lines);
        CsvFormatException e = assertThrows(CsvFormatException.class, csv::read);
        assertEquals(csv.path() + ", line 3: expected 24 fields, found 23", e.getMessage());
    }

    @Test
    void invalidValueNamesItsLine() throws IOException {
        lines.set(2, lines.get(2).replace(",3,2,", ",3,5,"));
        Files.write(csv.path(), lines);
        CsvFormatException e = assertThrows(CsvFormatException.class, csv::read);
        assertEquals(csv.path() + ", line 3: invalid row: best epoch 5 is after the last epoch 3",
                e.getMessage());
    }

    @Test
    void badFileIsNeverOverwrittenByAnAppend() throws IOException {
        lines.set(2, lines.get(2).replace(",0.6,", ",x,"));
        Files.write(csv.path(), lines);
        assertThrows(CsvFormatException.class,
                () -> csv.append(Fixtures.psmnist(ModelFamily.LSTM, 1, 0.5)));
        assertEquals(lines, Files.readAllLines(csv.path()));
    }

    private void rewrite(UnaryOperator<String> change) throws IOException {
        lines.replaceAll(change);
        Files.write(csv.path(), lines);
    }
}
