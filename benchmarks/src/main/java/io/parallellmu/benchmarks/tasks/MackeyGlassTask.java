package io.parallellmu.benchmarks.tasks;

import com.google.auto.service.AutoService;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import ai.djl.training.dataset.Dataset.Usage;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.loss.Loss;
import io.parallellmu.datasets.OfficialLayout;
import io.parallellmu.datasets.mackeyglass.MackeyGlass;
import io.parallellmu.metrics.Metric;
import io.parallellmu.metrics.Nrmse;
import io.parallellmu.models.DefaultConfigs;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.train.MeanSquaredErrorLoss;
import io.parallellmu.train.Optimisation;
import io.parallellmu.zoo.TaskMetadata;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Mackey-Glass: predict the series 15 steps ahead at every step (LMU'19 recipe); test metric NRMSE. The data is
 * generated, so it can always be had. Two set-ups, told apart by the profile's validation limit:
 *
 * <ul>
 *   <li>limit 0 (the {@code paper} and {@code standard} profiles): the recipe's own data and splits. The values are
 *       squashed by tanh(x − 1) and centred; of the {@code trainLimit} × 2 series the first half is the recipe's
 *       training data, whose last half validates ({@code validation_split=0.5}), and the second half tests.
 *   <li>a positive limit (the {@code quick} and {@code tiny} profiles): the shortened set-up, which differs from the
 *       recipe in that the values are centred but not squashed, all of the training half trains, and validation
 *       is the test half of the same recipe with another seed ({@link #VALIDATION_SEED}).
 * </ul>
 * In both, model selection never sees the test series.
 *
 * <p>The quick and standard profiles run the LMU'19 comparison's models ({@link DefaultConfigs#mackeyGlass}, about
 * 18k parameters each). The paper profile is exactly the LMU 2019 recipe: 128 series of 5,000 steps, squashed by
 * tanh(x − 1) and centred, 32 training, 32 validation and 64 test series, batch 32, 500 epochs, Adam at a constant
 * 1e-3 without clipping ({@link Optimisation#CONSTANT_NO_CLIP}), the recipe's 4-layer models
 * ({@link DefaultConfigs#mackeyGlass2019}). In every profile the original LMU is the LMU 2019 model, whose size the
 * recipe fixes (18,246 parameters against the parallel LMU's 18,284).
 */
@AutoService(BenchmarkTask.class)
public final class MackeyGlassTask implements BenchmarkTask {

    /** The data seed of training and test series. */
    public static final long DATA_SEED = 0;
    /** The data seed of the validation series of the shortened set-up. */
    public static final long VALIDATION_SEED = 1;

    private static final String LMU2019_SIZE = "the LMU 2019 Mackey-Glass model (4 layers of 49 units, 18k parameters)";

    /** {@inheritDoc} */
    @Override
    public TaskId id() {
        return TaskId.MACKEY_GLASS;
    }

    /** {@inheritDoc} */
    @Override
    public List<ModelFamily> families() {
        return List.of(ModelFamily.values()); // the original LMU too, as in the paper
    }

    /**
     * Tells whether settings ask for the LMU 2019 recipe's data and splits rather than the shortened set-up.
     *
     * @param settings a profile's settings
     * @return whether the validation limit is 0
     */
    public static boolean recipeSplits(TaskSettings settings) {
        return settings.validationLimit() == 0;
    }

    /** {@inheritDoc} */
    @Override
    public TaskData load(DataRequest request) throws IOException {
        boolean recipe = recipeSplits(request.settings());
        MackeyGlass train = split(request, Usage.TRAIN, DATA_SEED);
        RandomAccessDataset validation = Sizing.subset(
                recipe ? split(request, Usage.VALIDATION, DATA_SEED) : split(request, Usage.TEST, VALIDATION_SEED),
                Usage.VALIDATION, request);
        RandomAccessDataset test = Sizing.subset(split(request, Usage.TEST, DATA_SEED), Usage.TEST, request);
        return new TaskData(TaskSpec.sequenceRegression(1, 1, true), Sizing.subset(train, Usage.TRAIN, request),
                validation, test, train.provenance(), request.settings().length(),
                TaskMetadata.forecast(train.getRecipe().horizon(), train.getRecipe().squash(), (float) train.getMean(),
                        1f),
                TestScoring.by(validationMetric()));
    }

    private static MackeyGlass split(DataRequest request, Usage usage, long seed) {
        TaskSettings settings = request.settings();
        boolean recipe = recipeSplits(settings);
        MackeyGlass dataset = Sizing.sampled(MackeyGlass.builder(), settings)
                .optUsage(usage)
                .optSource(request.source())
                .optSeriesCount(2 * Math.max(1, settings.trainLimit() == 0 ? 64 : settings.trainLimit()))
                .optSeriesLength(settings.length())
                .optSquash(recipe)
                .optValidationSplit(recipe ? MackeyGlass.LMU2019_VALIDATION_SPLIT : 0)
                .optSeed(seed)
                .optManager(request.manager())
                .build();
        dataset.prepare(null);
        return dataset;
    }

    /** {@inheritDoc} */
    @Override
    public Loss loss() {
        return new MeanSquaredErrorLoss();
    }

    /** {@inheritDoc} */
    @Override
    public Supplier<Metric> validationMetric() {
        return Nrmse::new;
    }

    /** {@inheritDoc} */
    @Override
    public OfficialLayout official() {
        return MackeyGlass.OFFICIAL;
    }

    /** {@inheritDoc} */
    @Override
    public RunSettings tiny(ModelFamily family) {
        // several epochs of one step each, so that a test can kill a run between two epochs
        return recipeSized(family, RunSettings.of(TaskSettings.limits(4, 4, 4).length(48).vocabulary(4)
                .batchSize(4).epochs(30).learningRate(0.01f), RunSettings.small(family, 4, 4, 8)));
    }

    /** {@inheritDoc} */
    @Override
    public RunSettings quick(ModelFamily family) {
        // the LMU'19 comparison's models on short series
        TaskSettings data = TaskSettings.limits(32, 16, 32).length(100).vocabulary(4)
                .batchSize(8).epochs(200).learningRate(0.005f);
        int epochs = switch (family) {
            case LMU -> 300;
            case ORIGINAL_LMU -> 100; // sequential, so fewer epochs: 100 take twice the LMU's 300
            default -> 200;
        };
        return recipeSized(family,
                RunSettings.of(data.withEpochs(epochs), DefaultConfigs.mackeyGlass(family).family()));
    }

    /** {@inheritDoc} */
    @Override
    public RunSettings standard(ModelFamily family) {
        return recipeSized(family, RunSettings.of(TaskSettings.limits(64, 0, 0).length(1000).vocabulary(4)
                .batchSize(32).epochs(30).learningRate(0.003f), DefaultConfigs.mackeyGlass(family).family()));
    }

    /** {@inheritDoc} */
    @Override
    public RunSettings paper(ModelFamily family) {
        // the LMU 2019 recipe: 64 training series (the last 32 validate) and 64 test series of 5,000 steps
        TaskSettings data = TaskSettings.limits(64, 0, 0).length(5000).vocabulary(4)
                .batchSize(32).epochs(500).learningRate(0.001f);
        return recipeSized(family, RunSettings.of(data, DefaultConfigs.mackeyGlass2019(family))
                .withOptimisation(Optimisation.CONSTANT_NO_CLIP));
    }

    /** The original LMU is the LMU 2019 model in every profile, whose size that recipe fixes. */
    private static RunSettings recipeSized(ModelFamily family, RunSettings run) {
        return family == ModelFamily.ORIGINAL_LMU ? run.withSizeFixedBy(LMU2019_SIZE) : run;
    }
}
