package io.parallellmu.zoo;

import ai.djl.MalformedModelException;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.DefaultModelZoo;
import ai.djl.repository.zoo.ModelLoader;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The parallel-lmu model zoo, group id {@value #GROUP_ID}: the artifacts published in the
 * {@link ZooDirectory zoo directory} and those shipped on the class path (a published artifact of the same id
 * wins). It is listed afresh on every lookup, so a model published while the JVM runs is found at once.
 *
 * <pre>{@code
 * Criteria<float[], Classifications> criteria = Criteria.builder()
 *         .setTypes(float[].class, Classifications.class)
 *         .optGroupId(PlmuModelZoo.GROUP_ID)
 *         .optArtifactId("psmnist-lmu-paper-seed1")
 *         .optEngine("PyTorch")
 *         .build();
 * try (ZooModel<float[], Classifications> model = PlmuModelZoo.loadModel(criteria)) { ... }
 * }</pre>
 *
 * DJL's own {@code criteria.loadModel()} works too for ids; {@link #loadModel} adds an error that lists the
 * available artifacts when the id is unknown. {@link #loadModel} is also the safe way to load an artifact directory
 * ({@code .optModelPath(dir)}): it verifies the directory before DJL reads it, whereas DJL's own
 * {@code criteria.loadModel()} with a model path runs whatever factory the directory's {@code serving.properties}
 * names, including classes the directory brings along.
 */
public final class PlmuModelZoo extends ModelZoo {

    /** The zoo's group id. */
    public static final String GROUP_ID = "io.parallellmu.zoo";
    /** The only engine zoo models run on. */
    public static final String ENGINE = "PyTorch";

    /** {@inheritDoc} */
    @Override
    public String getGroupId() {
        return GROUP_ID;
    }

    /** {@inheritDoc} */
    @Override
    public Set<String> getSupportedEngines() {
        return Set.of(ENGINE);
    }

    /** {@inheritDoc} */
    @Override
    public Collection<ModelLoader> getModelLoaders() {
        List<ModelLoader> loaders = new ArrayList<>();
        artifacts().forEach((id, dir) -> loaders.add(ArtifactLoader.of(id, dir)));
        return loaders;
    }

    /** {@inheritDoc} */
    @Override
    public ModelLoader getModelLoader(String name) {
        Path dir = artifacts().get(name);
        return dir == null ? null : ArtifactLoader.of(name, dir);
    }

    /**
     * Returns the ids of every available artifact.
     *
     * @return the ids, sorted
     */
    public static Set<String> availableIds() {
        return new TreeSet<>(artifacts().keySet());
    }

    /**
     * Returns the criteria that find an artifact of this zoo by id, on the PyTorch engine.
     *
     * @param id the artifact id, such as {@code imdb-standin-lmu}
     * @param input the input type, one the artifact's kind offers (or {@code NDList} for the raw model)
     * @param output the output type
     * @param <I> the input type
     * @param <O> the output type
     * @return the criteria
     */
    public static <I, O> Criteria<I, O> criteria(String id, Class<I> input, Class<O> output) {
        return Criteria.builder()
                .setTypes(input, output)
                .optGroupId(GROUP_ID)
                .optArtifactId(id)
                .optEngine("PyTorch")
                .build();
    }

    /**
     * Loads a model like {@code criteria.loadModel()}, but when the criteria ask this zoo for an artifact id it does
     * not hold, fails with a message listing the ids it does hold; and when they name a local directory
     * ({@code optModelPath}), verifies it as a zoo artifact (only its manifest's files, with their checksums, and
     * only the project's factories) before DJL reads anything in it, and loads it with the zoo's translators.
     *
     * @param criteria the criteria
     * @param <I> the input type
     * @param <O> the output type
     * @return the model
     * @throws ModelNotFoundException if no model matches, listing the available artifacts when the id is unknown
     * @throws IOException if loading fails
     * @throws MalformedModelException if the model is malformed
     * @throws ArtifactFormatException if a model directory is not a sound zoo artifact
     */
    public static <I, O> ZooModel<I, O> loadModel(Criteria<I, O> criteria)
            throws ModelNotFoundException, IOException, MalformedModelException {
        String id = criteria.getArtifactId();
        boolean askedHere = GROUP_ID.equals(criteria.getGroupId())
                || (criteria.getModelZoo() instanceof PlmuModelZoo);
        if (askedHere && id != null && !artifacts().containsKey(id)) {
            Set<String> available = availableIds();
            throw new ModelNotFoundException("no artifact '" + id + "' in the parallel-lmu zoo (" + GROUP_ID
                    + "); available: " + (available.isEmpty() ? "none" : String.join(", ", available))
                    + ". It lists " + ZooDirectory.root() + " (set -D" + ZooDirectory.PROPERTY + " or $"
                    + ZooDirectory.ENV + ") and the artifacts shipped on the class path; publish one with"
                    + " 'publish <artifact-dir>'.");
        }
        if (criteria.getModelZoo() instanceof DefaultModelZoo local) {
            Path dir = localDirectory(local);
            if (dir != null) {
                Path real = ArtifactVerifier.verify(dir);
                return ArtifactLoader.of(real.getFileName().toString(), real).loadModel(criteria);
            }
        }
        return criteria.loadModel();
    }

    /** The one local directory a {@code optModelPath} zoo holds, or null if it holds anything else. */
    private static Path localDirectory(DefaultModelZoo zoo) {
        Collection<ModelLoader> loaders = zoo.getModelLoaders();
        if (loaders.size() != 1) {
            return null;
        }
        URI base = loaders.iterator().next().getMrl().getRepository().getBaseUri();
        if (!"file".equals(base.getScheme())) {
            return null;
        }
        Path path = Paths.get(base);
        return Files.isDirectory(path) ? path : null;
    }

    /** Every artifact by id: the class path's first, replaced by the zoo directory's. */
    static Map<String, Path> artifacts() {
        Path root = ZooDirectory.root();
        Map<String, Path> found = new LinkedHashMap<>(ShippedArtifacts.list(root));
        if (Files.isDirectory(root)) {
            try (Stream<Path> dirs = Files.list(root)) {
                dirs.filter(dir -> !dir.getFileName().toString().startsWith("."))
                        .filter(dir -> Files.isRegularFile(dir.resolve(ModelArtifact.CONFIG)))
                        .sorted()
                        .forEach(dir -> found.put(dir.getFileName().toString(), dir));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the zoo directory " + root, e);
            }
        }
        return found;
    }
}
