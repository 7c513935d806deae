package io.parallellmu.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.parallellmu.vocabulary.Split;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads and writes training checkpoints.
 *
 * <p>Layout, under the run's checkpoint directory:
 * <pre>
 *   latest/            the most recent checkpoint (every N steps and at each epoch end)
 *   best/              the checkpoint of the best validation score
 *     parameters.params   the block's parameters (DJL Block.saveParameters: versioned, per-block metadata)
 *     optimizer.ndlist    Adam's moments [mean₀, variance₀, …] (DJL NDList encoding)
 *     state.json          {@link CheckpointState}: step, epoch, position in the epoch, seed, config, best score,
 *                         early-stopping counter, learning-curve history, optimizer update counts
 * </pre>
 * Each checkpoint is written to a temporary sibling directory and renamed into place, so a kill during a save
 * leaves the previous checkpoint intact.
 */
public final class Checkpoints {

    /** The layout version written to {@code state.json}. */
    public static final int FORMAT_VERSION = 1;
    /** Name of the most recent checkpoint. */
    public static final String LATEST = "latest";
    /** Name of the best-validation checkpoint. */
    public static final String BEST = "best";

    private static final String PARAMETERS = "parameters.params";
    private static final String OPTIMIZER = "optimizer.ndlist";
    private static final String STATE = "state.json";
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting()
            .registerTypeAdapter(Split.class, new SplitJson()).create();

    private Checkpoints() {}

    /**
     * Returns whether a complete checkpoint exists.
     *
     * @param directory the run's checkpoint directory
     * @param name {@link #LATEST} or {@link #BEST}
     * @return whether its state file exists
     */
    public static boolean exists(Path directory, String name) {
        return Files.isRegularFile(directory.resolve(name).resolve(STATE));
    }

    /**
     * Writes a checkpoint atomically, replacing any previous one of that name.
     *
     * @param directory the run's checkpoint directory
     * @param name {@link #LATEST} or {@link #BEST}
     * @param block the trained block
     * @param optimizer the optimizer whose moments to save, in the order of {@code state.optimizerParameters()}
     * @param state the loop's state
     * @throws IOException if writing fails
     */
    public static void save(Path directory, String name, Block block, CheckpointableAdam optimizer,
            CheckpointState state) throws IOException {
        Files.createDirectories(directory);
        Path temporary = Files.createTempDirectory(directory, name + ".tmp-");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary.resolve(PARAMETERS)))) {
            block.saveParameters(new DataOutputStream(out));
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary.resolve(OPTIMIZER)))) {
            optimizer.momentArrays().encode(out);
        }
        Files.writeString(temporary.resolve(STATE), GSON.toJson(state), StandardCharsets.UTF_8);
        Path target = directory.resolve(name);
        Path old = directory.resolve(name + ".old");
        deleteRecursively(old);
        if (Files.exists(target)) {
            Files.move(target, old);
        }
        Files.move(temporary, target);
        deleteRecursively(old);
    }

    /**
     * Reads a checkpoint's state only.
     *
     * @param directory the run's checkpoint directory
     * @param name {@link #LATEST} or {@link #BEST}
     * @return the state
     * @throws IOException if the file cannot be read or is not a checkpoint state
     */
    public static CheckpointState readState(Path directory, String name) throws IOException {
        Path file = directory.resolve(name).resolve(STATE);
        CheckpointState state = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), CheckpointState.class);
        if (state == null || state.formatVersion() != FORMAT_VERSION) {
            throw new IOException(file + ": not a checkpoint state of format version " + FORMAT_VERSION);
        }
        return state;
    }

    /**
     * Loads a checkpoint's parameters into an initialised block (for example the best model, for testing).
     *
     * @param directory the run's checkpoint directory
     * @param name {@link #LATEST} or {@link #BEST}
     * @param block a block of the same architecture, initialised
     * @param manager the manager that will own the loaded arrays (normally the model's)
     * @throws IOException if the file cannot be read
     * @throws MalformedModelException if the parameters do not fit the block
     */
    public static void loadParameters(Path directory, String name, Block block, NDManager manager)
            throws IOException, MalformedModelException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(directory.resolve(name).resolve(PARAMETERS)))) {
            block.loadParameters(manager, new DataInputStream(in));
        }
    }

    /**
     * Loads a checkpoint's optimizer moments into the optimizer.
     *
     * @param directory the run's checkpoint directory
     * @param name {@link #LATEST} or {@link #BEST}
     * @param state the checkpoint's state, for the parameter ids and counts
     * @param optimizer the optimizer to restore
     * @param block the block being trained, whose parameter paths the state refers to
     * @param manager the manager that will own the moments (normally the model's)
     * @throws IOException if the file cannot be read
     */
    public static void loadOptimizer(Path directory, String name, CheckpointState state, CheckpointableAdam optimizer,
            Block block, NDManager manager) throws IOException {
        Map<String, String> idsByPath = new HashMap<>();
        block.getParameters().forEach(pair -> idsByPath.put(pair.getKey(), pair.getValue().getId()));
        List<String> ids = new ArrayList<>();
        for (String path : state.optimizerParameters()) {
            String id = idsByPath.get(path);
            if (id == null) {
                throw new IOException(directory.resolve(name).resolve(STATE) + ": the optimizer has state for "
                        + path + ", which the model does not have");
            }
            ids.add(id);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(directory.resolve(name).resolve(OPTIMIZER)))) {
            optimizer.restore(ids, state.optimizerUpdateCounts(), NDList.decode(manager, in));
        }
    }

    /**
     * Translates the optimizer's parameter ids (random per block instance) to parameter paths (stable).
     *
     * @param optimizer the optimizer
     * @param block the block it trains
     * @return the paths, in the optimizer's order
     */
    public static List<String> parameterPaths(CheckpointableAdam optimizer, Block block) {
        Map<String, String> pathsById = new HashMap<>();
        block.getParameters().forEach(pair -> pathsById.put(pair.getValue().getId(), pair.getKey()));
        return optimizer.parameterIds().stream().map(pathsById::get).toList();
    }

    /**
     * Serialises a run configuration the way checkpoints record it.
     *
     * @param config any Gson-serialisable object (records included), or {@code null}
     * @return its JSON text, or {@code "null"}
     */
    public static String configJson(Object config) {
        return GSON.toJson(config);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
