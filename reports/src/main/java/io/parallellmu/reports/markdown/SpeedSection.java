package io.parallellmu.reports.markdown;

import io.parallellmu.reports.format.Units;
import io.parallellmu.reports.schema.SpeedResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The training-speed study: its table, its chart, the speed-up at each sequence length in plain
 * words, and what the speed-up means on a CPU and on a GPU.
 */
public final class SpeedSection {

    private static final String NONE = "—";

    private SpeedSection() {}

    /**
     * Renders the section.
     *
     * @param speed the speed rows, in the order the study ran them
     * @param chart the step-time chart, if written
     * @return Markdown starting with a level-2 heading
     */
    public static String render(List<SpeedResult> speed, Optional<ChartLink> chart) {
        StringBuilder out = new StringBuilder("## Training speed\n\n");
        out.append("One training step (forward, backward, optimizer): the median of the timed"
                + " steps after warm-up. Speed-up = the RECURRENT mode's step time divided by"
                + " the row's.\n\n");
        out.append(table(speed));
        chart.ifPresent(link -> out.append('\n').append(link.markdown()));
        out.append("\nSpeed-up over RECURRENT at each sequence length:\n\n");
        out.append(speedups(speed));
        out.append("\nOn a CPU the recurrent path is throughput-bound: each of its L sequential"
                + " steps already keeps the cores busy, so the final-state speed-up tends to a"
                + " constant of order d (the memory order) as L grows. On a GPU the"
                + " recurrent path is latency-bound (L small sequential kernels) while the"
                + " parallel path fills the device, so the speed-up keeps growing with L, as in"
                + " the paper's \"up to 200×\". The figures above are this machine's;"
                + " see Provenance.\n");
        return out.toString();
    }

    private static String table(List<SpeedResult> speed) {
        MarkdownTable table = new MarkdownTable("Configuration", "Mode", "L", "Batch", "Params",
                "Timed steps", "Step time", "GFLOP/step", "GFLOP/s", "Peak RSS", "Peak heap",
                "Speed-up", "Status", "Note");
        for (SpeedResult row : speed) {
            table.addRow(row.configuration(), row.mode(), Integer.toString(row.length()),
                    Integer.toString(row.batch()), Units.parameters(row.parameters()),
                    Integer.toString(row.timedSteps()),
                    show(row.medianStepSeconds(), Units::duration),
                    Units.significant(row.flops() / 1e9),
                    show(row.gflopsPerSecond(), Units::significant),
                    show(row.peakRssBytes()), show(row.peakHeapBytes()),
                    show(row.speedupVsRecurrent(), Units::times), row.status(), row.note());
        }
        return table.render();
    }

    private static String speedups(List<SpeedResult> speed) {
        TreeMap<Integer, List<String>> byLength = new TreeMap<>();
        for (SpeedResult row : speed) {
            sentence(row).ifPresent(text ->
                    byLength.computeIfAbsent(row.length(), l -> new ArrayList<>()).add(text));
        }
        if (byLength.isEmpty()) {
            return "- No row has a RECURRENT time to compare with.\n";
        }
        return byLength.entrySet().stream()
                .map(entry -> "- L = " + entry.getKey() + ": "
                        + String.join("; ", entry.getValue()) + ".\n")
                .collect(Collectors.joining());
    }

    private static Optional<String> sentence(SpeedResult row) {
        String name = row.configuration() + " " + row.mode();
        if (!row.isMeasured()) {
            return Optional.of(name + " not measured (" + row.status() + ")");
        }
        if (row.mode().equals(SpeedResult.RECURRENT) || row.speedupVsRecurrent().isEmpty()) {
            return Optional.empty();
        }
        double speedup = row.speedupVsRecurrent().getAsDouble();
        return Optional.of(speedup >= 1
                ? name + " is " + Units.times(speedup) + " faster"
                : name + " is " + Units.times(1 / speedup) + " slower");
    }

    private static String show(OptionalDouble value, Function<Double, String> format) {
        return value.isPresent() ? format.apply(value.getAsDouble()) : NONE;
    }

    private static String show(OptionalLong bytes) {
        return bytes.isPresent() ? Units.bytes(bytes.getAsLong()) : NONE;
    }
}
