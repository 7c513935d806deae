package io.parallellmu.benchmarks.tasks;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import ai.djl.training.loss.Loss;
import io.parallellmu.datasets.OfficialLayout;
import io.parallellmu.metrics.Metric;
import io.parallellmu.models.FamilyConfig;
import io.parallellmu.models.ModelConfig;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One task of the paper, as the suite runs it: its data, loss and metrics, and what each profile of the suite runs
 * on it ({@link #tiny}, {@link #quick}, {@link #standard}, {@link #paper}), with where each setting comes from.
 *
 * <p>Implementations register themselves with {@code @AutoService(BenchmarkTask.class)}, which writes their
 * {@code META-INF/services} entry at compile time, and are found by {@link Tasks}: one per {@link TaskId}.
 */
public interface BenchmarkTask {

    /**
     * Returns the task's id.
     *
     * @return the id used in every result file
     */
    TaskId id();

    /**
     * Returns the families this task is compared on, in report order; by default every family but the original LMU,
     * whose sequential cost is not sane on long documents. Tasks where the paper requires the original LMU add it.
     *
     * @return the families
     */
    default List<ModelFamily> families() {
        return Arrays.stream(ModelFamily.values()).filter(f -> f != ModelFamily.ORIGINAL_LMU).toList();
    }

    /**
     * Loads the three splits, with how the test split is scored ({@link TaskData#score}).
     *
     * @param request the data directory, source, sizes and manager
     * @return the data
     * @throws IOException if the data cannot be had (missing official files, a failed fetch) or is malformed
     */
    TaskData load(DataRequest request) throws IOException;

    /**
     * Builds the model config of a family on this data.
     *
     * @param family the family's settings
     * @param embeddingSize token embedding width (ignored for real-valued inputs)
     * @param headHiddenSize the pair MLP's and the recurrent translators' attention-output width
     * @param data the loaded data, whose vocabulary sizes the model needs
     * @return the config
     */
    default ModelConfig model(FamilyConfig family, int embeddingSize, int headHiddenSize, TaskData data) {
        return data.spec().tokenInput()
                ? new ModelConfig(data.spec(), family, embeddingSize, headHiddenSize)
                : ModelConfig.of(data.spec(), family);
    }

    /**
     * Returns the training loss.
     *
     * @return the loss
     */
    Loss loss();

    /**
     * Returns the validation metric, used for learning curves and to pick the best epoch, and by most tasks on the
     * test split too ({@link TestScoring#by}).
     *
     * @return a supplier of fresh metrics
     */
    Supplier<Metric> validationMetric();

    /**
     * Returns how the test metric is computed where its name does not say it all, for the report's provenance.
     *
     * @return one sentence or more, starting with the task's id; empty by default
     */
    default Optional<String> testEvaluation() {
        return Optional.empty();
    }

    /**
     * Returns where the task's official data goes and how a user provides it, as its data set states it.
     *
     * @return the official layout
     */
    OfficialLayout official();

    /**
     * Returns the tiny profile's run of a family: fixture-sized data and a model of a few hundred to a few thousand
     * parameters, seconds per run, for tests.
     *
     * @param family one of {@link #families()}
     * @return the run's settings
     */
    RunSettings tiny(ModelFamily family);

    /**
     * Returns the quick profile's run of a family: subsampled data, short sequences and few epochs, showing real
     * learning in minutes on a CPU, with every baseline no smaller than the parallel LMU unless a published recipe
     * fixes its size ({@link RunSettings#sizedBy}).
     *
     * @param family one of {@link #families()}
     * @return the run's settings
     */
    RunSettings quick(ModelFamily family);

    /**
     * Returns the standard profile's run of a family: the default models on all the data for a few epochs (hours on
     * a CPU).
     *
     * @param family one of {@link #families()}
     * @return the run's settings
     */
    RunSettings standard(ModelFamily family);

    /**
     * Returns the paper profile's run of a family: the paper's sizes and training lengths where known.
     *
     * @param family one of {@link #families()}
     * @return the run's settings
     */
    RunSettings paper(ModelFamily family);
}
