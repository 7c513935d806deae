package io.parallellmu.benchmarks.speed;

import ai.djl.Device;
import io.parallellmu.benchmarks.cli.DeviceOption;
import io.parallellmu.nn.MemoryMode;
import io.parallellmu.reports.chart.ChartFiles;
import io.parallellmu.reports.chart.SpeedChart;
import io.parallellmu.reports.markdown.ChartLink;
import io.parallellmu.reports.markdown.SpeedSection;
import io.parallellmu.reports.schema.SpeedResult;
import io.parallellmu.reports.store.AtomicFiles;
import io.parallellmu.reports.store.RunDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The training-speed study: one training step of each configuration at each sequence length, with FLOP
 * counts, GFLOP/s, peak memory and speed-ups over RECURRENT measured in the same run; written as
 * {@code speed.csv}, {@code speed.md} and a log-log chart.
 */
@Command(
        name = "speed",
        mixinStandardHelpOptions = true,
        description = {
            "Time one training step as the suite trains (forward, backward, clipping, Adam) per configuration and sequence length (θ = L).",
            "Median of at least --steps timed steps (and --timed-seconds) after --warmup steps (and --warmup-seconds);",
            "speed-ups are against RECURRENT in the same run.",
            "Configurations: lmu-final (modes RECURRENT, MATMUL, FFT, RAW, AUTO), lmu-sequence (RECURRENT, FFT,"
                    + " RAW, AUTO), lmu-final-theta (lmu-final with θ trainable: MATMUL, FFT), original-lmu (order 256,"
                    + " hidden 212), lstm-128, lstm-matched (201 units, the LMU's parameter count), transformer"
                    + " (pre-LayerNorm encoder of the LMU's parameter count), ssm (S4D-style diagonal SSM of the LMU's"
                    + " parameter count)."
        })
public final class SpeedCommand implements Callable<Integer> {

    /** Every configuration the study knows. */
    static final List<String> CONFIGURATIONS =
            List.of("lmu-final", "lmu-sequence", "lmu-final-theta", "original-lmu", "lstm-128", "lstm-matched", "transformer",
                    "ssm");

    /** One LSTM layer of 201 units has 166,036 parameters, the psMNIST LMU's 166,092 (DefaultConfigs). */
    private static final int LSTM_MATCHING_LMU = 201;

    /** The psMNIST sequence length, at which streaming latency is measured. */
    private static final int STREAMING_LENGTH = 784;

    @Spec private CommandSpec spec;

    @Option(names = "--lengths", split = ",", defaultValue = "784", description = "Sequence lengths L. Default: ${DEFAULT-VALUE}.")
    private List<Integer> lengths;

    @Option(names = "--configurations", split = ",", defaultValue = "lmu-final,lmu-sequence",
            description = "Which configurations (or 'all'). Default: ${DEFAULT-VALUE}.")
    private List<String> configurations;

    @Option(names = "--batch", defaultValue = "100", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    private int batch;

    @Option(names = "--order", defaultValue = "468", description = "LMU memory order d. Default: ${DEFAULT-VALUE}.")
    private int order;

    @Option(names = "--hidden", defaultValue = "346", description = "LMU hidden size. Default: ${DEFAULT-VALUE}.")
    private int hidden;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed warm-up steps. Default: ${DEFAULT-VALUE}.")
    private int warmup;

    @Option(names = "--steps", defaultValue = "7", description = "Timed steps (median reported). Default: ${DEFAULT-VALUE}.")
    private int steps;

    @Option(names = "--warmup-seconds", defaultValue = "3",
            description = "Warm-up seconds at least, on top of --warmup, so the JIT has compiled fast steps. Default: ${DEFAULT-VALUE}.")
    private double warmupSeconds;

    @Option(names = "--timed-seconds", defaultValue = "2",
            description = "Timed seconds at least, on top of --steps, for fast steps. Default: ${DEFAULT-VALUE}.")
    private double timedSeconds;

    @Option(names = "--budget-seconds", defaultValue = "240",
            description = "Most time one configuration may take; slower ones are skipped. Default: ${DEFAULT-VALUE}.")
    private double budgetSeconds;

    @Option(names = "--memory-limit-gib", defaultValue = "16",
            description = "Skip configurations known to need more memory than this. Default: ${DEFAULT-VALUE}.")
    private double memoryLimitGib;

    @Option(names = "--streaming", description = "Also measure the psMNIST LMU's streaming (RNN) latency at batch 1.")
    private boolean streaming;

    @Option(names = "--long-sequence",
            description = "Also train the sequence LMU by FFT at batch 16, L 16384, order 256, and record its peak memory.")
    private boolean longSequence;

    @Option(names = "--device", defaultValue = "default", description = "cpu, gpu (the one the engine assigns), gpu:N or default (the engine's). Default: ${DEFAULT-VALUE}.")
    private String device;

    @Option(names = "--out", defaultValue = "results/speed",
            description = "Output directory; rows of earlier runs there are kept unless remeasured. Default: ${DEFAULT-VALUE}.")
    private Path out;

    /** {@inheritDoc} */
    @Override
    public Integer call() throws IOException {
        PrintStream log = System.out;
        Device target = DeviceOption.parse(device);
        List<String> chosen = configurations.contains("all") ? CONFIGURATIONS : configurations;
        for (String c : chosen) {
            requireOption(CONFIGURATIONS.contains(c),
                    "unknown configuration '" + c + "'; valid: all, " + String.join(", ", CONFIGURATIONS));
        }
        validateSizes();
        log.printf(Locale.ROOT, "Training-step speed: batch %d, LMU order %d, hidden %d, θ = L, on %s (%d cores)%n",
                batch, order, hidden, target, Runtime.getRuntime().availableProcessors());
        SpeedStudy study = new SpeedStudy(target, warmup, steps, warmupSeconds, timedSeconds, budgetSeconds, memoryLimitGib * 1024 * 1024 * 1024, log);
        List<SpeedCase> cases = new ArrayList<>();
        for (int length : lengths) {
            cases.addAll(cases(chosen, length));
        }
        if (longSequence) {
            cases.add(new LmuSpeedCase(true, MemoryMode.FFT, 16, 16384, 256, hidden));
        }
        List<SpeedResult> rows = study.measureAll(cases);
        Optional<StreamingLatency> latency =
                streaming ? Optional.of(StreamingLatency.measure(target, order, hidden, STREAMING_LENGTH, 5)) : Optional.empty();
        write(rows, latency, log);
        return 0;
    }

    /** Sizes and durations must be sensible before any case is built. */
    private void validateSizes() {
        for (int length : lengths) {
            requireOption(length >= 1, "--lengths must each be at least 1, got " + length);
        }
        requireOption(batch >= 1, "--batch must be at least 1, got " + batch);
        requireOption(order >= 1, "--order must be at least 1, got " + order);
        requireOption(hidden >= 1, "--hidden must be at least 1, got " + hidden);
        requireOption(warmup >= 0, "--warmup must be at least 0, got " + warmup);
        requireOption(steps >= 1, "--steps must be at least 1, got " + steps);
        for (double seconds : new double[] {warmupSeconds, timedSeconds, budgetSeconds, memoryLimitGib}) {
            requireOption(seconds >= 0 && !Double.isInfinite(seconds),
                    "--warmup-seconds, --timed-seconds, --budget-seconds and --memory-limit-gib must be finite and at"
                            + " least 0, got " + seconds);
        }
    }

    /** A bad option value is a usage error: its message and exit status 2, no stack trace. */
    private void requireOption(boolean valid, String message) {
        if (!valid) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    private List<SpeedCase> cases(List<String> chosen, int length) {
        List<SpeedCase> cases = new ArrayList<>();
        for (String configuration : chosen) {
            switch (configuration) {
                case "lmu-final":
                    for (MemoryMode mode : MemoryMode.values()) {
                        cases.add(new LmuSpeedCase(false, mode, batch, length, order, hidden));
                    }
                    break;
                case "lmu-sequence":
                    for (MemoryMode mode : List.of(MemoryMode.RECURRENT, MemoryMode.FFT, MemoryMode.RAW, MemoryMode.AUTO)) {
                        cases.add(new LmuSpeedCase(true, mode, batch, length, order, hidden));
                    }
                    break;
                case "lmu-final-theta":
                    for (MemoryMode mode : List.of(MemoryMode.MATMUL, MemoryMode.FFT)) {
                        cases.add(new LmuSpeedCase(false, mode, batch, length, order, hidden, true));
                    }
                    break;
                case "original-lmu":
                    cases.add(BaselineSpeedCase.originalLmu(batch, length));
                    break;
                case "lstm-128":
                    cases.add(BaselineSpeedCase.lstm("lstm-128", 128, batch, length));
                    break;
                case "lstm-matched":
                    cases.add(BaselineSpeedCase.lstm("lstm-matched", LSTM_MATCHING_LMU, batch, length));
                    break;
                case "transformer":
                    cases.add(BaselineSpeedCase.transformer(batch, length));
                    break;
                case "ssm":
                    cases.add(BaselineSpeedCase.ssm(batch, length));
                    break;
                default:
                    throw new IllegalArgumentException("unknown configuration " + configuration);
            }
        }
        return cases;
    }

    private void write(List<SpeedResult> rows, Optional<StreamingLatency> latency, PrintStream log) throws IOException {
        RunDirectory run = new RunDirectory(out);
        run.speed().appendAll(rows); // keyed: a rerun replaces its rows, other lengths' rows stay
        rows = run.speed().read();
        Optional<ChartFiles> chart = SpeedChart.write(rows, run.charts());
        Optional<ChartLink> link =
                chart.map(c -> new ChartLink(c.title(), out.relativize(c.png()).toString(), out.relativize(c.svg()).toString()));
        String markdown = SpeedSection.render(rows, link) + latency.map(l -> "\n" + l.markdown()).orElse("");
        AtomicFiles.writeString(out.resolve("speed.md"), markdown);
        log.println();
        log.print(markdown);
        log.println();
        log.println("Wrote " + run.speed().path() + ", " + out.resolve("speed.md") + chart.map(c -> ", " + c.png() + ", " + c.svg()).orElse(""));
    }
}
