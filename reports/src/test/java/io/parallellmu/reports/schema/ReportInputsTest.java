package io.parallellmu.reports.schema;

import io.parallellmu.vocabulary.ModelFamily;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parallellmu.reports.Fixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportInputsTest {

    @Test
    void mergeKeepsTheLaterRowOfARunAndTheLastProvenance() {
        RunResult first = Fixtures.psmnist(ModelFamily.LMU, 1, 0.5);
        RunResult other = Fixtures.psmnist(ModelFamily.LMU, 2, 0.6);
        RunResult rerun = Fixtures.psmnist(ModelFamily.LMU, 1, 0.7);
        Provenance provenance = new Provenance("cmd", "machine", "reproduce", 1);
        ReportInputs merged = ReportInputs.merge(List.of(
                new ReportInputs(List.of(first, other), List.of(), List.of(), List.of(),
                        Optional.of(new Provenance("old", "machine", "reproduce", 1))),
                new ReportInputs(List.of(rerun), List.of(), List.of(), List.of(),
                        Optional.of(provenance)),
                new ReportInputs(List.of(), List.of(), List.of(), List.of(), Optional.empty())));
        assertEquals(List.of(other, rerun), merged.results());
        assertEquals(Optional.of(provenance), merged.provenance());
    }
}
