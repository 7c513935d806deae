package io.parallellmu.benchmarks.suite;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import ai.djl.util.cuda.CudaUtils;
import io.parallellmu.benchmarks.speed.PeakMemory;
import io.parallellmu.benchmarks.tasks.BenchmarkTask;
import io.parallellmu.benchmarks.tasks.Evaluation;
import io.parallellmu.benchmarks.tasks.TaskData;
import io.parallellmu.benchmarks.tasks.TaskSettings;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.models.TaskModels;
import io.parallellmu.train.TrainingSession;
import io.parallellmu.train.TrainingSetup;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Builds one run's model at full size and measures it on the run's real batches, without training it to the end:
 * the memory a full-batch training step needs (predicted from two smaller batches before a full batch is tried),
 * the seconds of a training step after warm-up, and the seconds of validation and of the test evaluation (timed on
 * a prefix of each split and scaled to its size). {@code suite --estimate} prints these; the suite uses the memory
 * prediction to skip a run that cannot fit instead of being killed in the middle of it.
 */
final class RunProbe {

    /**
     * The memory a run may use: 24 GiB, or the machine's (or GPU's) whole memory where that is less, or less again
     * where {@code -Dplmu.memoryLimitGiB} asks (on a machine shared with others).
     */
    static final long MEMORY_LIMIT_BYTES = 24L << 30;

    /** Seconds of warm-up (CPU) and of timed steps (clock): 10, or {@code -Dplmu.estimateSeconds} (tests: less). */
    private static final double SAMPLE_SECONDS = Double.parseDouble(System.getProperty("plmu.estimateSeconds", "10"));
    private static final int WARM_UP_STEPS = 2;
    /**
     * Warm-up in seconds of this process's CPU time, not of the clock: short steps need a few hundred calls before
     * the JIT has compiled DJL's per-op code, and on a machine shared with other jobs a few seconds of the clock may
     * hold only a fraction of a second of work.
     */
    private static final double WARM_UP_CPU_SECONDS = SAMPLE_SECONDS;
    /**
     * Warm-up goes on until short steps have settled: {@value} steps, or three times the warm-up's CPU time where
     * steps are too long for that many. Quick QQP's LSTM (about 9 ms a step on quiet cores) has stepped erratically,
     * at 10 to 67 ms, for its first 400 steps (about 20 s of CPU).
     */
    private static final int SETTLING_STEPS = 500;
    private static final double SETTLING_CPU_SECONDS = 3 * WARM_UP_CPU_SECONDS;
    private static final int TIMED_STEPS = 3;
    private static final double TIMED_SECONDS = SAMPLE_SECONDS; // a longer sample of a contended machine is less noisy
    /** A bound on warm-up and timed steps together. */
    private static final int MAX_STEPS = 4 * SETTLING_STEPS;

    private final Device device;
    private final long limitBytes;

    /**
     * Creates a probe.
     *
     * @param device the device the runs train on
     */
    RunProbe(Device device) {
        this.device = device;
        long asked = (long) (Double.parseDouble(System.getProperty("plmu.memoryLimitGiB", "24")) * (1L << 30));
        this.limitBytes = Math.min(Math.min(MEMORY_LIMIT_BYTES, asked), capacityBytes(device));
    }

    /**
     * Returns the memory limit runs are checked against.
     *
     * @return bytes
     */
    long limitBytes() {
        return limitBytes;
    }

    /**
     * Predicts the peak memory of a full-batch training step from steps on parts of a real batch (after a warm-up
     * step that allocates the optimizer's state), extrapolated linearly to the full batch.
     *
     * @param task the task
     * @param data its loaded data
     * @param config the run's settings
     * @return the predicted peak, in bytes, of this process (CPU) or of the device (GPU)
     */
    long predictedPeakBytes(BenchmarkTask task, TaskData data, RunConfig config) {
        try (Session session = new Session(task, data, config)) {
            return session.predictPeak();
        }
    }

    /**
     * Estimates one run: checks its memory, then times full-batch training steps and the evaluations.
     *
     * @param task the task
     * @param data its loaded data
     * @param config the run's settings
     * @param run the run's name in the table
     * @return the estimate; one that does not fit carries its predicted need and no timings
     */
    RunEstimate estimate(BenchmarkTask task, TaskData data, RunConfig config, String run) {
        TaskSettings settings = config.settings();
        int stepsPerEpoch = batches(data.train(), settings.batchSize());
        long predicted = predictedPeakBytes(task, data, config);
        // timed in a model of its own, which starts as the run's does; the peak read after the timing is the highest
        // since the probe's last reset, so it covers the full-batch steps
        try (Session session = new Session(task, data, config)) {
            if (predicted > limitBytes) {
                return RunEstimate.tooLarge(run, session.parameters(), stepsPerEpoch, settings.epochs(), predicted,
                        limitBytes);
            }
            double secondsPerStep = session.secondsPerStep();
            long peak = Math.max(peakBytes(), predicted);
            double validationSeconds =
                    session.validationSecondsPerBatch() * batches(data.validation(), settings.batchSize());
            double testSeconds = session.testSeconds();
            return RunEstimate.timed(run, session.parameters(), secondsPerStep, stepsPerEpoch, settings.epochs(),
                    validationSeconds, testSeconds, peak);
        }
    }

    /** A model at full size with its trainer, stepping as the training loop does (clipping included). */
    private final class Session implements AutoCloseable {

        private final BenchmarkTask task;
        private final TaskData data;
        private final int batchSize;
        private final Model model;
        private final TrainingSession session;
        private final Trainer trainer;

        Session(BenchmarkTask task, TaskData data, RunConfig config) {
            this.task = task;
            this.data = data;
            this.batchSize = config.settings().batchSize();
            ModelConfig modelConfig = task.model(config.family(), config.embeddingSize(), config.headHiddenSize(), data);
            model = Model.newInstance("estimate", device);
            model.setBlock(TaskModels.create(modelConfig));
            // the run's own schedule, so that the probe steps as the run begins
            TaskSettings settings = config.settings();
            int runSteps = settings.epochs() * batches(data.train(), settings.batchSize());
            session = new TrainingSetup(task.loss(),
                    config.optimisation().learningRate(settings.learningRate(), runSteps),
                    config.optimisation().clipNorm()).open(model);
            session.initialize(TaskModels.inputShapes(data.spec(), batchSize, data.inputLength()));
            trainer = session.trainer();
        }

        long parameters() {
            return TaskModels.countParameters(model.getBlock());
        }

        /**
         * Steps at 1 and 2 records first, so that a run far beyond the limit is caught before a large step is tried;
         * where that prediction is within a factor of 2 below the limit, again at 1/8 and 1/4 of the batch (less
         * noise in the slope). Only there: after steps on those parts of a batch, this process stepped quick QQP's
         * LSTM erratically for hundreds of steps (six estimates on quiet cores from 0:14 to 1:46, for a run that
         * trains in 20 to 25 s; three estimates without those steps gave 0:17 to 0:18).
         */
        long predictPeak() {
            try (Batch batch = trainer.iterateDataset(data.train()).iterator().next()) {
                int full = batch.getSize();
                step(slice(batch.getData(), 1), slice(batch.getLabels(), 1)); // allocates Adam's state
                long predicted = extrapolate(batch, 1, Math.min(2, full), full);
                boolean borderline = predicted > limitBytes / 2 && predicted <= limitBytes;
                if (!borderline || full < 16) {
                    return predicted;
                }
                return extrapolate(batch, full / 8, full / 4, full);
            } catch (IOException | TranslateException e) {
                throw new IllegalStateException("reading a training batch failed: " + e.getMessage(), e);
            }
        }

        /** Peaks of steps on the batch's first {@code small} and {@code larger} records, extended to {@code full}. */
        private long extrapolate(Batch batch, int small, int larger, int full) {
            resetPeak();
            step(slice(batch.getData(), small), slice(batch.getLabels(), small));
            long smallPeak = peakBytes();
            if (larger == small) {
                return smallPeak;
            }
            resetPeak();
            step(slice(batch.getData(), larger), slice(batch.getLabels(), larger));
            long largerPeak = peakBytes();
            double perRecord = Math.max(0, (largerPeak - smallPeak) / (double) (larger - small));
            return largerPeak + (long) (perRecord * (full - larger));
        }

        /** Warms up, then times steps on successive real batches; the mean, so that slow steps count. */
        double secondsPerStep() {
            try {
                Iterator<Batch> batches = null;
                double total = 0;
                int timed = 0;
                long startedCpu = processCpuNanos();
                boolean warm = false;
                for (int step = 0; step < MAX_STEPS && (timed < TIMED_STEPS || total < TIMED_SECONDS); step++) {
                    if (batches == null || !batches.hasNext()) {
                        batches = trainer.iterateDataset(data.train()).iterator(); // again, if the split is short
                    }
                    try (Batch batch = batches.next()) {
                        long start = System.nanoTime();
                        step(batch.getData(), batch.getLabels());
                        if (warm) {
                            total += (System.nanoTime() - start) / 1e9;
                            timed++;
                        }
                        double cpuSeconds = (processCpuNanos() - startedCpu) / 1e9;
                        warm = warm || step + 1 >= WARM_UP_STEPS && cpuSeconds >= WARM_UP_CPU_SECONDS
                                && (step + 1 >= SETTLING_STEPS || cpuSeconds >= SETTLING_CPU_SECONDS)
                                || step + 1 >= MAX_STEPS / 2;
                    }
                }
                return total / timed;
            } catch (IOException | TranslateException e) {
                throw new IllegalStateException("reading a training batch failed: " + e.getMessage(), e);
            }
        }

        /**
         * Validation on the split's first two batches, timed on a second pass: the first pass meets the evaluation's
         * shapes and code paths for the first time, and a cold pass multiplied by every epoch overstated short runs
         * several times (quick QQP's LSTM: 59 s predicted, 17 s measured).
         */
        double validationSecondsPerBatch() {
            RandomAccessDataset prefix = prefix(data.validation(), 2 * batchSize);
            return secondsOfSecondPass(() -> Evaluation.over(model, prefix, task.validationMetric().get()))
                    / batches(prefix, batchSize);
        }

        /** The task's own test evaluation on the test split's first batch (second pass), scaled to the whole split. */
        double testSeconds() {
            RandomAccessDataset prefix = prefix(data.test(), batchSize);
            return secondsOfSecondPass(() -> data.testScoring().score(model, prefix))
                    * data.test().size() / prefix.size();
        }

        private double secondsOfSecondPass(Runnable pass) {
            pass.run(); // warm-up
            long start = System.nanoTime();
            pass.run();
            return (System.nanoTime() - start) / 1e9;
        }

        /**
         * One step as the training loop takes it (the loss it reads makes an asynchronous device finish), but not
         * stopped by a non-finite gradient, which some tiny probes meet on slices of a batch: it measures cost.
         */
        private void step(NDList inputs, NDList labels) {
            session.step(inputs, labels, null);
        }

        @Override
        public void close() {
            session.close();
            model.close();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static int batches(RandomAccessDataset split, int batchSize) {
        return (int) Math.ceil(split.size() / (double) batchSize);
    }

    private static RandomAccessDataset prefix(RandomAccessDataset split, int records) {
        return split.size() <= records ? split : split.subDataset(0, records);
    }

    /** The first {@code rows} records of each array of a batch (every array is batch-major). */
    private static NDList slice(NDList arrays, int rows) {
        NDList out = new NDList();
        arrays.forEach(array -> out.add(array.get(new NDIndex("0:" + rows))));
        return out;
    }

    private void resetPeak() {
        PeakMemory.reset();
    }

    /** The process's peak resident set since the last reset on a CPU; the device's memory in use on a GPU. */
    private long peakBytes() {
        if (device.isGpu()) {
            return CudaUtils.getGpuMemory(device).getUsed(); // PyTorch's caching allocator keeps its peak reserved
        }
        return PeakMemory.peakRssBytes().orElse(0);
    }

    private static long capacityBytes(Device device) {
        if (device.isGpu()) {
            return CudaUtils.getGpuMemory(device).getMax();
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Long.MAX_VALUE; // no /proc: only the 24 GiB limit applies
        }
        return Long.MAX_VALUE;
    }
}
