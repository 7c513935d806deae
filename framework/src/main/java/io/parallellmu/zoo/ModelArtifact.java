package io.parallellmu.zoo;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.models.TaskModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A trained model as a self-describing directory, the unit of the zoo. Layout of {@code <dir>/}, where the
 * directory's name is the artifact id:
 *
 * <pre>
 *   &lt;id&gt;-0000.params    the parameters, in DJL's model-file format (Model.save)
 *   serving.properties  engine=PyTorch, the blockFactory that rebuilds the block from config.json, the
 *                       translatorFactory, the application, and the format version
 *   config.json         {"formatVersion": 2, "name": id, "model": ModelConfig}; family configs carry a
 *                       "family" field naming their record
 *   task.json           {@link TaskMetadata}: its "kind" (the record) and that record's fields: labels,
 *                       image size, normalisation, horizon, tokenizer settings
 *   permutation.txt     the pixel order of a permuted-pixel task, indices separated by spaces
 *   cell-permutation.txt  the cell order of a pooled permuted-pixel task, indices separated by spaces
 *   vocabulary.txt      the (input) tokens of a text task, one per line; the line number (from 0) is the id
 *   output-vocabulary.txt  the output tokens of a sequence task, such as a translation's target side
 *   model-card.json     {@link ModelCard}: task, data kind/source/checksum, metric, parameters, command
 *   manifest.json       the SHA-256 of every other file
 * </pre>
 *
 * <p>{@link #write} builds the directory beside its target and renames it into place, so a reader never sees a
 * half-written artifact. {@link #read} checks the format version first, then every checksum; a damaged or
 * mismatched file raises an {@link ArtifactFormatException} naming it and what was expected.
 */
public final class ModelArtifact {

    /** The layout version this build writes and reads. */
    public static final int FORMAT_VERSION = 2;
    /** The config file. */
    public static final String CONFIG = "config.json";
    /** The task metadata file. */
    public static final String TASK = "task.json";
    /** The model card file. */
    public static final String CARD = "model-card.json";
    /** DJL's serving properties. */
    public static final String SERVING = "serving.properties";
    /** The pixel permutation of a permuted-pixel task. */
    public static final String PERMUTATION = "permutation.txt";
    /** The cell order of a pooled permuted-pixel task. */
    public static final String CELL_PERMUTATION = "cell-permutation.txt";
    /** The (input) vocabulary of a text task. */
    public static final String VOCABULARY = "vocabulary.txt";
    /** The output vocabulary of a sequence task. */
    public static final String OUTPUT_VOCABULARY = "output-vocabulary.txt";

    /** What follows the id in the parameter file's name ({@code Model.save}'s epoch 0). */
    private static final String PARAMETERS_SUFFIX = "-0000.params";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final String ENGINE = "PyTorch";

    private final Path directory;
    private final ModelConfig config;
    private final TaskMetadata task;
    private final ModelCard card;

    private ModelArtifact(Path directory, ModelConfig config, TaskMetadata task, ModelCard card) {
        this.directory = directory;
        this.config = config;
        this.task = task;
        this.card = card;
    }

    /**
     * Writes a trained model as an artifact, atomically replacing any artifact already at {@code dir}. The card's
     * family and parameter count are filled in from the config and the block.
     *
     * @param dir the artifact directory; its name is the artifact id (lower case letters, digits, '.', '_', '-')
     * @param block the trained, initialised block, as built by {@code TaskModels.create(config)}
     * @param config the config the block was built from
     * @param task how inputs are prepared and outputs read
     * @param card what produced the model and how good it is
     * @return the written artifact
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if the id is invalid or the block is not initialised
     */
    public static ModelArtifact write(Path dir, Block block, ModelConfig config, TaskMetadata task, ModelCard card)
            throws IOException {
        String id = idOf(dir);
        if (!block.isInitialized()) {
            throw new IllegalArgumentException("the block must be trained (initialised) before it is written");
        }
        ModelCard described = card.describing(config.family().family().name(), TaskModels.countParameters(block));
        Path temporary = ArtifactFiles.temporarySibling(dir);
        try {
            try (Model model = Model.newInstance(id, block.getParameters().valueAt(0).getArray().getDevice(),
                    ENGINE)) {
                model.setBlock(block);
                model.save(temporary, id);
            }
            JsonObject configJson = new JsonObject();
            configJson.addProperty("formatVersion", FORMAT_VERSION);
            configJson.addProperty("name", id);
            configJson.add("model", ConfigJson.GSON.toJsonTree(config));
            writeText(temporary.resolve(CONFIG), ConfigJson.GSON.toJson(configJson));
            MetadataWriter.write(temporary, task);
            writeText(temporary.resolve(CARD), ConfigJson.GSON.toJson(described));
            writeText(temporary.resolve(SERVING), servingProperties(task));
            ArtifactFiles.writeManifest(temporary);
            ArtifactFiles.replace(temporary, dir);
        } finally {
            ArtifactFiles.deleteRecursively(temporary);
        }
        return new ModelArtifact(dir, config, task, described);
    }

    /**
     * Reads an artifact's config, task metadata and card, after {@link ArtifactVerifier checking} that it holds
     * exactly the files its manifest lists, with their checksums, and that its config is of this format version and
     * names the directory's id.
     *
     * @param artifact the artifact directory; a symbolic link to one is resolved, and the target's name is the id
     * @return the artifact
     * @throws ArtifactFormatException naming the file that is missing, damaged or of another format version
     * @throws IOException if reading fails
     */
    public static ModelArtifact read(Path artifact) throws IOException {
        Path dir = ArtifactVerifier.realDirectory(artifact);
        ModelConfig config = readConfig(dir.resolve(CONFIG), dir.getFileName().toString());
        ArtifactVerifier.verify(dir);
        TaskMetadata task = MetadataReader.read(dir);
        ModelCard card = readJson(dir.resolve(CARD), ModelCard.class);
        return new ModelArtifact(dir, config, task, card);
    }

    /**
     * Builds the block from the config and loads the parameters into it.
     *
     * @param manager where the parameters live (the model's manager)
     * @return the loaded block, ready for inference
     * @throws ArtifactFormatException if the parameter file is missing, damaged or does not fit the config
     * @throws IOException if reading fails
     */
    public Block loadBlock(NDManager manager) throws IOException {
        Block block = TaskModels.create(config);
        ParameterFile.load(parametersFile(), block, manager);
        return block;
    }

    /**
     * Returns the artifact id: the directory's name.
     *
     * @return the id
     */
    public String id() {
        return directory.getFileName().toString();
    }

    /**
     * Returns the directory.
     *
     * @return the directory
     */
    public Path directory() {
        return directory;
    }

    /**
     * Returns the parameter file.
     *
     * @return {@code <dir>/<id>-0000.params}
     */
    public Path parametersFile() {
        return directory.resolve(id() + PARAMETERS_SUFFIX);
    }

    /**
     * Returns the config the block is built from.
     *
     * @return the config
     */
    public ModelConfig config() {
        return config;
    }

    /**
     * Returns the task metadata.
     *
     * @return the metadata
     */
    public TaskMetadata task() {
        return task;
    }

    /**
     * Returns the task metadata as the record of the kind the caller expects, such as {@link PermutedPixels}.
     *
     * @param kind the record expected
     * @param <T> the record
     * @return the metadata
     * @throws IllegalArgumentException if the artifact holds metadata of another kind, naming both
     */
    public <T extends TaskMetadata> T task(Class<T> kind) {
        if (!kind.isInstance(task)) {
            throw new IllegalArgumentException(id() + " holds " + task.kind() + " metadata (" + task.getClass()
                    .getSimpleName() + "), not " + kind.getSimpleName());
        }
        return kind.cast(task);
    }

    /**
     * Returns the model card.
     *
     * @return the card
     */
    public ModelCard card() {
        return card;
    }

    /**
     * Renames an artifact being built, in place, from one id to another: the parameter file's name and the model
     * name in its header, and {@code config.json}'s name; then seals it with a new manifest. Every other file is
     * left as it is (none records the id).
     *
     * @param dir the artifact directory being built (a temporary directory, named neither id)
     * @param from the id it holds
     * @param to the id it is to hold (lower case letters, digits, '.', '_', '-')
     * @throws IllegalArgumentException if {@code to} is not a valid id
     * @throws ArtifactFormatException if the parameter file or config is not as {@link #write} wrote it
     * @throws IOException if reading or writing fails
     */
    static void rename(Path dir, String from, String to) throws IOException {
        requireValidId(to);
        Path parameters = dir.resolve(from + PARAMETERS_SUFFIX);
        ParameterFile.copyRenamed(parameters, dir.resolve(to + PARAMETERS_SUFFIX), to);
        Files.delete(parameters);
        Path config = dir.resolve(CONFIG);
        try {
            JsonObject json = JsonParser.parseString(Files.readString(config, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            json.addProperty("name", to);
            writeText(config, ConfigJson.GSON.toJson(json));
        } catch (JsonParseException | IllegalStateException e) {
            throw new ArtifactFormatException(config, "not a JSON object: " + rootMessage(e), e);
        }
        ArtifactFiles.writeManifest(dir);
    }

    private static String idOf(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return requireValidId(name == null ? "" : name.toString());
    }

    /**
     * Checks an artifact id.
     *
     * @param id the id
     * @return the id
     * @throws IllegalArgumentException if it is not lower case letters, digits, '.', '_' and '-', starting with a
     *     letter or digit
     */
    static String requireValidId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an artifact id (its directory's name) must match " + ID + ", got '"
                    + id + "'");
        }
        return id;
    }

    private static String servingProperties(TaskMetadata task) {
        return "# parallel-lmu zoo artifact: the block is rebuilt from " + CONFIG + ", which also loads (and checks)"
                + " the parameters\n"
                + "engine=" + ENGINE + "\n"
                + "blockFactory=" + ArtifactBlockFactory.class.getName() + "\n"
                + "translatorFactory=" + ZooTranslatorFactory.class.getName() + "\n"
                + "application=" + task.kind().application().getPath() + "\n"
                + "option.hasParameter=false\n"
                + "plmu.formatVersion=" + FORMAT_VERSION + "\n";
    }

    private static ModelConfig readConfig(Path file, String id) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ArtifactFormatException(file, "missing; every artifact holds the config its block is built from");
        }
        try {
            JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            JsonElement version = json.get("formatVersion");
            if (version == null || !version.isJsonPrimitive() || version.getAsInt() != FORMAT_VERSION) {
                throw new ArtifactFormatException(file, "format version " + version + "; this build reads format version "
                        + FORMAT_VERSION + " (re-export the model with a matching parallel-lmu)");
            }
            JsonElement name = json.get("name");
            if (name == null || !name.isJsonPrimitive() || !name.getAsString().equals(id)) {
                throw new ArtifactFormatException(file, "names the artifact " + name + " but its directory is '" + id
                        + "'; the directory's name, the config's name and the parameter file's prefix must agree");
            }
            JsonElement model = json.get("model");
            if (model == null) {
                throw new ArtifactFormatException(file, "lacks the \"model\" field holding the ModelConfig");
            }
            return ConfigJson.GSON.fromJson(model, ModelConfig.class);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new ArtifactFormatException(file, "not a valid config of format version " + FORMAT_VERSION + ": "
                    + rootMessage(e), e);
        } catch (RuntimeException e) {
            // Gson wraps a record constructor's validation failure.
            throw new ArtifactFormatException(file, "holds an invalid ModelConfig: " + rootMessage(e), e);
        }
    }

    private static <T> T readJson(Path file, Class<T> type) throws IOException {
        try {
            T value = ConfigJson.GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), type);
            if (value == null) {
                throw new ArtifactFormatException(file, "empty; expected a " + type.getSimpleName() + " as JSON");
            }
            return value;
        } catch (RuntimeException e) {
            throw new ArtifactFormatException(file, "not a valid " + type.getSimpleName() + ": " + rootMessage(e), e);
        }
    }

    private static void writeText(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
