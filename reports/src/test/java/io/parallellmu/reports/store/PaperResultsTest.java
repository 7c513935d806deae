package io.parallellmu.reports.store;

import io.parallellmu.vocabulary.TaskId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.reports.schema.PaperResult;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PaperResultsTest {

    private final PaperResults paper = PaperResults.bundled();

    @Test
    void holdsThePublishedFiguresOfTheIssue() {
        PaperResult psmnist = paper.forTask(TaskId.PSMNIST).get(0);
        assertEquals(OptionalDouble.of(0.9849), psmnist.value());
        assertEquals(165_000L, psmnist.parameters().getAsLong());
        assertEquals(OptionalDouble.of(0.9320), paper.forTask(TaskId.IMDB).get(0).value());
        assertEquals(OptionalDouble.of(0.8695), paper.forTask(TaskId.QQP).get(0).value());
        assertEquals(OptionalDouble.of(0.7885), paper.forTask(TaskId.SNLI).get(0).value());
        assertEquals(OptionalDouble.of(1.61), paper.forTask(TaskId.TEXT8).get(0).value());
        assertFalse(paper.forTask(TaskId.IWSLT15_EN_VI).get(0).value().isPresent());
        List<String> mackeyGlass = paper.forTask(TaskId.MACKEY_GLASS).stream()
                .map(f -> f.model() + "=" + f.value().getAsDouble()).toList();
        assertEquals(List.of("lstm=0.0587", "original-lmu=0.0487", "lstm-lmu-hybrid=0.0447"),
                mackeyGlass);
    }

    @Test
    void everyTaskHasAFigureWithASource() {
        for (TaskId task : TaskId.values()) {
            assertFalse(paper.forTask(task).isEmpty(), task.id());
        }
        assertTrue(paper.all().stream().allMatch(f -> !f.source().isBlank()));
        assertEquals(Arrays.asList(TaskId.values()).size() + 2, paper.all().size());
    }

    @Test
    void malformedFigureNamesSourceAndLine() {
        String csv = String.join(",", PaperResults.COLUMNS)
                + "\npsmnist,lmu,LMU,accuracy,high,,s,\n";
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> PaperResults.read(new StringReader(csv), "figures.csv"));
        assertEquals("figures.csv, line 2: column 'value': 'high' is not a number", e.getMessage());
    }
}
