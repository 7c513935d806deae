package io.parallellmu.benchmarks.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.parallellmu.benchmarks.cli.DeviceOption;
import io.parallellmu.lti.Discretizer;
import io.parallellmu.nn.ModeEquivalence;
import io.parallellmu.reports.store.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Every memory mode, and the streaming step, against the recurrence on one device, in float32 and float64:
 * the grid of the CPU equivalence test plus the psMNIST shape (order 468, θ = L = 784), with the tolerances
 * argued in {@link ModeEquivalence}. Writes {@code device-check.csv} and {@code device-check.md} and exits
 * with 1 when a path is off.
 */
@Command(
        name = "device-check",
        mixinStandardHelpOptions = true,
        description = {
            "Check every memory mode against the recurrence on a device (float32 and float64), as the CPU",
            "equivalence test does; exit status 1 if any path exceeds its tolerance."
        })
public final class DeviceCheckCommand implements Callable<Integer> {

    /** The psMNIST memory: order 468, θ = L = 784, one channel (DefaultConfigs). */
    static final ModeEquivalence.Case PSMNIST_SHAPE = new ModeEquivalence.Case(468, 784.0, 784, 1, Discretizer.ZOH);

    @Option(names = "--device", defaultValue = "gpu", description = "cpu, gpu, gpu:N or default. Default: ${DEFAULT-VALUE}.")
    private String device;

    @Option(names = "--types", split = ",", defaultValue = "float32,float64",
            description = "Data types to check. Default: ${DEFAULT-VALUE}.")
    private List<String> types;

    @Option(names = "--batch", defaultValue = "3", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    private int batch;

    @Option(names = "--skip-psmnist-shape", description = "Leave out the psMNIST-sized case (slow on a busy CPU).")
    private boolean skipPsmnistShape;

    @Option(names = "--out", defaultValue = "results/device-check", description = "Output directory. Default: ${DEFAULT-VALUE}.")
    private Path out;

    /** {@inheritDoc} */
    @Override
    public Integer call() throws IOException {
        PrintStream log = System.out;
        Device target = DeviceOption.parse(device);
        Engine engine = Engine.getInstance();
        log.printf(Locale.ROOT, "device-check on %s: engine %s %s, %d GPU(s) visible to DJL%n",
                target, engine.getEngineName(), engine.getVersion(), engine.getGpuCount());
        List<ModeEquivalence.Case> cases = new ArrayList<>(ModeEquivalence.grid());
        if (!skipPsmnistShape) {
            cases.add(PSMNIST_SHAPE);
        }
        List<Row> rows = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager(target)) {
            for (String type : types) {
                DataType dataType = DataType.valueOf(type.trim().toUpperCase(Locale.ROOT));
                for (ModeEquivalence.Case c : cases) {
                    long start = System.nanoTime();
                    List<ModeEquivalence.Deviation> deviations = ModeEquivalence.measure(c, batch, manager, dataType);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    long failed = deviations.stream().filter(d -> !d.passes()).count();
                    log.printf(Locale.ROOT, "%-8s %-55s %s (%.1f s)%n", dataType, c,
                            failed == 0 ? "ok" : failed + " path(s) OFF", seconds);
                    for (ModeEquivalence.Deviation d : deviations) {
                        rows.add(new Row(target, dataType, d));
                        if (!d.passes()) {
                            log.println("  " + rows.get(rows.size() - 1).markdown());
                        }
                    }
                }
            }
        }
        long failed = rows.stream().filter(r -> !r.deviation().passes()).count();
        write(rows);
        log.printf(Locale.ROOT, "%d of %d paths within tolerance; wrote %s%n", rows.size() - failed, rows.size(),
                out.resolve("device-check.md"));
        return failed == 0 ? 0 : 1;
    }

    private void write(List<Row> rows) throws IOException {
        StringBuilder csv = new StringBuilder(Row.CSV_HEADER).append('\n');
        StringBuilder md = new StringBuilder("# Memory modes against the recurrence on ")
                .append(rows.isEmpty() ? device : rows.get(0).device())
                .append("\n\nEvery path's largest |state − double recurrence| and |state − RECURRENT on the device|, ")
                .append("with the tolerance argued in `ModeEquivalence` (float64: 1e-9; float32: 2e-3 × the largest ")
                .append("|state|, covering TF32 convolutions).\n\n")
                .append(Row.MARKDOWN_HEADER).append('\n');
        for (Row row : rows) {
            csv.append(row.csv()).append('\n');
            md.append(row.markdown()).append('\n');
        }
        AtomicFiles.writeString(out.resolve("device-check.csv"), csv.toString());
        AtomicFiles.writeString(out.resolve("device-check.md"), md.toString());
    }

    /** One checked path, as a CSV and a Markdown row. */
    private record Row(Device device, DataType dataType, ModeEquivalence.Deviation deviation) {

        static final String CSV_HEADER =
                "device,dtype,order,theta,length,memory_d,discretizer,path,max_abs_error,max_abs_from_recurrent,scale,tolerance,passes";
        static final String MARKDOWN_HEADER = "| dtype | case | path | max error | vs RECURRENT | largest state | tolerance | ok |\n"
                + "|---|---|---|---:|---:|---:|---:|---|";

        String csv() {
            ModeEquivalence.Case c = deviation.testCase();
            return String.format(Locale.ROOT, "%s,%s,%d,%s,%d,%d,%s,%s,%.3e,%.3e,%.4g,%.3e,%b", device, dataType,
                    c.order(), c.theta(), c.length(), c.memoryD(), c.discretizer(), deviation.path(),
                    deviation.maxAbsError(), deviation.maxAbsFromRecurrent(), deviation.scale(), deviation.tolerance(),
                    deviation.passes());
        }

        String markdown() {
            return String.format(Locale.ROOT, "| %s | %s | %s | %.2e | %.2e | %.3g | %.1e | %s |", dataType,
                    deviation.testCase(), deviation.path(), deviation.maxAbsError(), deviation.maxAbsFromRecurrent(),
                    deviation.scale(), deviation.tolerance(), deviation.passes() ? "yes" : "**NO**");
        }
    }
}
