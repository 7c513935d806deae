package io.parallellmu.benchmarks.suite;

import ai.djl.Model;
import io.parallellmu.benchmarks.tasks.TaskData;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.reports.schema.RunResult;
import io.parallellmu.train.Checkpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a trained model for {@code --save-models} into {@code <out>/models/<task>/<model>/<run>/}: the block's
 * parameters ({@code model-0000.params}), the model config as JSON with its family, the task metadata
 * (vocabularies, psMNIST permutation, normalisation) and the run's result row as its card. The one place to
 * switch to the zoo's artifact writer once it exists.
 */
final class ModelSaver {

    private final Path root;

    ModelSaver(Path out) {
        this.root = out.resolve("models");
    }

    /**
     * Saves one trained model.
     *
     * @param model the trained model
     * @param config its config
     * @param data the task's data, whose metadata is written beside it
     * @param result the run's result
     * @param runName the run's directory name
     * @return the model's directory
     * @throws IOException if writing fails
     */
    Path save(Model model, ModelConfig config, TaskData data, RunResult result, String runName) throws IOException {
        Path dir = root.resolve(result.task().id()).resolve(result.model().id()).resolve(runName);
        Files.createDirectories(dir);
        model.save(dir, "model");
        Files.writeString(dir.resolve("config.json"), "{\"family\": \"" + config.family().family() + "\", \"config\": "
                + Checkpoints.configJson(config) + "}\n");
        data.metadata().write(dir);
        Files.writeString(dir.resolve("card.txt"), result + "\n");
        return dir;
    }
}
