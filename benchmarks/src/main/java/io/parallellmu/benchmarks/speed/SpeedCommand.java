package io.parallellmu.benchmarks.speed;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.parallellmu.nn.MemoryMode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Times one training step of the psMNIST-shaped LMU in every memory mode and prints each mode's time,
 * FLOPs, GFLOP/s and speed-up over RECURRENT with the same weights.
 */
@Command(
        name = "speed",
        mixinStandardHelpOptions = true,
        description = {
            "Time one training step (forward, backward, Adam) of the psMNIST-shaped LMU in every memory mode.",
            "Median of --steps timed steps after --warmup steps; ratios are against RECURRENT in the same run."
        })
public final class SpeedCommand implements Callable<Integer> {

    @Option(names = "--lengths", split = ",", defaultValue = "784", description = "Sequence lengths L (θ = L). Default: ${DEFAULT-VALUE}.")
    private List<Integer> lengths;

    @Option(names = "--batch", defaultValue = "100", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    private int batch;

    @Option(names = "--order", defaultValue = "468", description = "Memory order d. Default: ${DEFAULT-VALUE}.")
    private int order;

    @Option(names = "--hidden", defaultValue = "346", description = "Hidden size. Default: ${DEFAULT-VALUE}.")
    private int hidden;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed warm-up steps. Default: ${DEFAULT-VALUE}.")
    private int warmup;

    @Option(names = "--steps", defaultValue = "7", description = "Timed steps (median reported). Default: ${DEFAULT-VALUE}.")
    private int steps;

    @Option(names = "--budget-seconds", defaultValue = "300", description = "Most time one configuration may take. Default: ${DEFAULT-VALUE}.")
    private double budgetSeconds;

    @Option(names = "--device", defaultValue = "default", description = "cpu, gpu or default (the engine's). Default: ${DEFAULT-VALUE}.")
    private String device;

    /** {@inheritDoc} */
    @Override
    public Integer call() {
        PrintStream out = System.out;
        Device target = "default".equals(device) ? Engine.getInstance().defaultDevice() : Device.fromName(device);
        out.printf(Locale.ROOT, "Training-step speed, batch %d, order %d, hidden %d, θ = L, on %s (%d cores)%n",
                batch, order, hidden, target, Runtime.getRuntime().availableProcessors());
        LmuSpeedStudy study = new LmuSpeedStudy(target, warmup, steps, budgetSeconds, out);
        List<SpeedMeasurement> results = new ArrayList<>();
        for (int length : lengths) {
            List<LmuSpeedCase> cases = new ArrayList<>();
            for (MemoryMode mode : new MemoryMode[] {MemoryMode.RECURRENT, MemoryMode.MATMUL, MemoryMode.FFT, MemoryMode.RAW, MemoryMode.AUTO}) {
                cases.add(new LmuSpeedCase(false, mode, batch, length, order, hidden, 10));
            }
            for (MemoryMode mode : new MemoryMode[] {MemoryMode.RECURRENT, MemoryMode.FFT, MemoryMode.RAW, MemoryMode.AUTO}) {
                cases.add(new LmuSpeedCase(true, mode, batch, length, order, hidden, 10));
            }
            results.addAll(study.measureAll(cases));
        }
        out.println();
        out.print(SpeedTable.markdown(results));
        return 0;
    }
}
