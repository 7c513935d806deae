package io.parallellmu.benchmarks.suite;

import ai.djl.Model;
import io.parallellmu.benchmarks.tasks.TaskData;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.zoo.ModelArtifact;
import io.parallellmu.zoo.ModelCard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes each trained model for {@code --save-models} as a zoo artifact ({@link ModelArtifact}) in
 * {@code <out>/models/<id>/}, where the id is {@code <task>-<family>-<profile>-seed<N>}: parameters, config, the
 * task's metadata and a model card holding the run's data provenance, test metric and the suite's exact command
 * line. {@code plmu publish <out>/models/<id>} then puts it in the zoo.
 */
final class ModelSaver {

    private final Path root;
    private final String commandLine;

    /**
     * Creates the saver.
     *
     * @param out the suite's output directory
     * @param commandLine the suite's exact command line, recorded in every card
     */
    ModelSaver(Path out, String commandLine) {
        this.root = out.resolve("models");
        this.commandLine = commandLine;
    }

    /**
     * Returns a run's artifact id.
     *
     * @param key the run
     * @param profile the profile it ran in
     * @return {@code <task>-<family>-<profile>-seed<N>}, such as {@code psmnist-lmu-paper-seed1}
     */
    static String artifactId(RunKey key, String profile) {
        return (key.task().id() + "-" + key.model().id() + "-" + profile + "-seed" + key.seed())
                .toLowerCase(Locale.ROOT);
    }

    /**
     * Returns where a run's artifact is written.
     *
     * @param key the run
     * @param profile the profile it ran in
     * @return {@code <out>/models/<id>}
     */
    Path artifactDirectory(RunKey key, String profile) {
        return root.resolve(artifactId(key, profile));
    }

    /**
     * Saves one trained model.
     *
     * @param model the trained model
     * @param config its config
     * @param data the task's data, whose metadata is stored with it
     * @param result the run's result, for the card
     * @param profile the profile the run belongs to
     * @return the artifact
     * @throws IOException if writing fails
     */
    ModelArtifact save(Model model, ModelConfig config, TaskData data, RunResult result, String profile)
            throws IOException {
        ModelCard card = ModelCard.builder()
                .setTask(result.task().id())
                .optDescription(result.model().displayName() + " on " + result.task().displayName() + " ("
                        + result.dataKind().id() + " data), suite profile " + profile + ": " + result.config())
                .setData(result.dataKind().id(), result.dataSource(), result.dataChecksum())
                .setMetric(result.metric(), result.metricValue())
                .setTrainingCommand(commandLine)
                .optDetail("config", result.config())
                .optDetail("seed", Long.toString(result.seed()))
                .optDetail("splits", result.splitSizes().toString())
                .optDetail("metricDirection", result.metricDirection().id())
                .optDetail("epochs", Integer.toString(result.epochs()))
                .optDetail("bestEpoch", Integer.toString(result.bestEpoch()))
                .optDetail("trainSeconds", String.format(Locale.ROOT, "%.1f", result.trainSeconds()))
                .optDetail("device", result.device())
                .optDetail("versions", "Java " + result.javaVersion() + ", DJL " + result.djlVersion() + ", PyTorch "
                        + result.pytorchVersion())
                .optDetail("gitCommit", result.gitCommit())
                .optDetail("cpu", result.cpuModel() + " (" + result.cpuCores() + " cores)")
                .optDetail("timestamp", result.timestamp().toString())
                .build();
        return ModelArtifact.write(artifactDirectory(result.key(), profile), model.getBlock(), config,
                data.metadata(), card);
    }
}
