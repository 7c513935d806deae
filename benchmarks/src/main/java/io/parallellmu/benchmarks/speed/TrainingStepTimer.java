package io.parallellmu.benchmarks.speed;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times one training step of a classifier: forward, softmax cross-entropy, backward and an Adam update,
 * on fixed random data of a given shape. The step is the plain DJL sequence (gradient collector, forward,
 * backward, {@link Trainer#step()}), with nothing else in the timed region.
 */
public final class TrainingStepTimer {

    private final Device device;

    /**
     * Creates a timer on a device.
     *
     * @param device where the model trains
     */
    public TrainingStepTimer(Device device) {
        this.device = device;
    }

    /** The outcome of timing one configuration. */
    public record Timing(int parameters, double[] stepSeconds) {
        /**
         * Returns the median step time.
         *
         * @return seconds
         */
        public double medianSeconds() {
            double[] sorted = stepSeconds.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    /**
     * How many steps to run: warm-up continues until both its step count and its seconds are reached (the
     * JIT compiles DJL's per-op Java code only after some hundreds of calls, which fast steps need), and
     * timing likewise until both minimums are met, but never beyond {@code maxTimedSteps}.
     *
     * @param warmupSteps untimed steps at least
     * @param warmupSeconds untimed seconds at least (not beyond {@code warmupSteps} once exceeded)
     * @param timedSteps timed steps at least
     * @param timedSeconds timed seconds at least, within {@code maxTimedSteps}
     * @param maxTimedSteps timed steps at most
     */
    public record Plan(int warmupSteps, double warmupSeconds, int timedSteps, double timedSeconds, int maxTimedSteps) {}

    /**
     * Trains a block for the planned warm-up, then times further steps.
     *
     * @param block the model, mapping (B, L, F) to (B, classes)
     * @param inputShape (B, L, F)
     * @param classes the number of classes
     * @param plan how many steps to warm up and to time
     * @return the parameter count and each timed step's seconds
     */
    public Timing time(Block block, Shape inputShape, int classes, Plan plan) {
        try (Model model = Model.newInstance("speed", device)) {
            model.setBlock(block);
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                            .optDevices(new Device[] {device})
                            .optOptimizer(adam);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(inputShape);
                NDManager manager = trainer.getManager();
                NDArray x = manager.randomUniform(0, 1, inputShape);
                NDArray y = manager.randomInteger(0, classes, new Shape(inputShape.get(0)), DataType.INT64);
                int parameters =
                        block.getParameters().values().stream().mapToInt(p -> Math.toIntExact(p.getArray().size())).sum();
                long warmupStart = System.nanoTime();
                for (int i = 0; i < plan.warmupSteps() || seconds(warmupStart) < plan.warmupSeconds(); i++) {
                    step(trainer, adam, x, y);
                }
                List<Double> seconds = new ArrayList<>();
                double timed = 0;
                while (seconds.size() < plan.maxTimedSteps()
                        && (seconds.size() < plan.timedSteps() || timed < plan.timedSeconds())) {
                    long start = System.nanoTime();
                    step(trainer, adam, x, y);
                    seconds.add(seconds(start));
                    timed += seconds.get(seconds.size() - 1);
                }
                return new Timing(parameters, seconds.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /**
     * One step: forward, loss, backward, then Adam on every parameter. The update is applied directly
     * rather than through {@link Trainer#step()}, which would first copy every gradient (for multi-device
     * aggregation) and on its first call reject a legitimate step whose gradient sums all happen to be 0.
     */
    private void step(Trainer trainer, Optimizer optimizer, NDArray x, NDArray y) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            scope.tempAttachAll(x, y); // every array the step makes is freed with the scope
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(x)).head();
                collector.backward(trainer.getLoss().evaluate(new NDList(y), new NDList(logits)));
            }
            for (Pair<String, Parameter> entry : trainer.getModel().getBlock().getParameters()) {
                NDArray weight = entry.getValue().getArray();
                if (weight.hasGradient()) {
                    try (NDArray gradient = weight.getGradient()) {
                        optimizer.update(entry.getValue().getId(), weight, gradient); // also zeroes the gradient
                    }
                }
            }
            if (!Device.Type.CPU.equals(device.getDeviceType())) {
                // an asynchronous device has finished the step once a value of it can be read
                trainer.getModel().getBlock().getParameters().get(0).getValue().getArray().sum().getFloat();
            }
        }
    }
}
