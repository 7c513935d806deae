package io.parallellmu.benchmarks.speed;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import io.parallellmu.train.Optimisation;
import io.parallellmu.train.TrainingSession;
import io.parallellmu.train.TrainingSetup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times one training step of a classifier on fixed random data of a given shape: the step the suite trains with
 * (a {@link TrainingSession} of a {@link TrainingSetup}), that is forward, softmax cross-entropy, backward, the finiteness
 * checks, global-norm clipping and the Adam update of the profiles' default {@link Optimisation}, with nothing else
 * in the timed region.
 */
public final class TrainingStepTimer {

    /** The optimisation timed: the one every profile trains with by default. */
    static final Optimisation OPTIMISATION = Optimisation.WARM_UP_COSINE_CLIP_1;

    /** The schedule's peak; the value does not change the work a step does. */
    private static final float PEAK_LEARNING_RATE = 1e-3f;

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
            // the schedule holds its final value beyond these steps, should a time-based warm-up run longer
            TrainingSetup setup = TrainingSetup.of(Loss.softmaxCrossEntropyLoss(), OPTIMISATION,
                    PEAK_LEARNING_RATE, plan.warmupSteps() + plan.maxTimedSteps());
            try (TrainingSession session = setup.open(model)) {
                session.initialize(inputShape);
                NDManager manager = session.trainer().getManager();
                NDArray x = manager.randomUniform(0, 1, inputShape);
                NDArray y = manager.randomInteger(0, classes, new Shape(inputShape.get(0)), DataType.INT64);
                int parameters =
                        block.getParameters().values().stream().mapToInt(p -> Math.toIntExact(p.getArray().size())).sum();
                long warmupStart = System.nanoTime();
                for (int i = 0; i < plan.warmupSteps() || seconds(warmupStart) < plan.warmupSeconds(); i++) {
                    step(session, x, y);
                }
                List<Double> seconds = new ArrayList<>();
                double timed = 0;
                while (seconds.size() < plan.maxTimedSteps()
                        && (seconds.size() < plan.timedSteps() || timed < plan.timedSeconds())) {
                    long start = System.nanoTime();
                    step(session, x, y);
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
     * One step as the suite takes it, with every array it makes freed with the step's scope. Like the suite's probe
     * it does not stop at a non-finite gradient: it measures cost, not learning.
     */
    private void step(TrainingSession session, NDArray x, NDArray y) {
        try (NDManager scope = session.trainer().getManager().newSubManager()) {
            scope.tempAttachAll(x, y);
            session.step(new NDList(x), new NDList(y), null);
            if (!Device.Type.CPU.equals(device.getDeviceType())) {
                // an asynchronous device has finished the step once a value of it can be read
                session.model().getBlock().getParameters().get(0).getValue().getArray().sum().getFloat();
            }
        }
    }
}
