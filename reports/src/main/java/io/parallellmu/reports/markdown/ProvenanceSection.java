package io.parallellmu.reports.markdown;

import io.parallellmu.reports.format.Units;
import io.parallellmu.reports.schema.Provenance;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.reports.store.RunDirectory;
import java.util.List;
import java.util.Optional;

/** How the results were made: command line, machine, software versions, how to reproduce. */
public final class ProvenanceSection {

    private ProvenanceSection() {}

    /**
     * Renders the section.
     *
     * @param provenance the recorded provenance, if any
     * @param results the runs, whose rows give the software and machine actually used
     * @return Markdown starting with a level-2 heading
     */
    public static String render(Optional<Provenance> provenance, List<RunResult> results) {
        StringBuilder out = new StringBuilder("## Provenance\n\n");
        provenance.ifPresentOrElse(p -> out
                        .append("Command line:\n\n```sh\n").append(p.commandLine())
                        .append("\n```\n\n")
                        .append("- Machine: ").append(p.machine()).append('\n')
                        .append("- Total wall time: ").append(Units.duration(p.wallSeconds()))
                        .append('\n'),
                () -> out.append("No ").append(RunDirectory.PROVENANCE)
                        .append(" was found beside the results; what follows comes from the"
                                + " result rows.\n\n"));
        if (!results.isEmpty()) {
            RunGroup runs = new RunGroup(results);
            out.append("- Software: Java ").append(runs.distinct(RunResult::javaVersion))
                    .append(", DJL ").append(runs.distinct(RunResult::djlVersion))
                    .append(", PyTorch ").append(runs.distinct(RunResult::pytorchVersion))
                    .append('\n')
                    .append("- Git commit: ").append(runs.distinct(RunResult::gitCommit))
                    .append('\n')
                    .append("- Device: ").append(runs.distinct(RunResult::device))
                    .append("; CPU: ")
                    .append(runs.distinct(r -> r.cpuModel() + " (" + r.cpuCores() + " cores)"))
                    .append('\n');
        }
        provenance.ifPresent(p -> out.append("\nHow to reproduce:\n\n").append(p.reproduce())
                .append('\n'));
        return out.toString();
    }
}
