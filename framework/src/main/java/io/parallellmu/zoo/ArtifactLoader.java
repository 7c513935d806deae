package io.parallellmu.zoo;

import ai.djl.Application;
import ai.djl.MalformedModelException;
import ai.djl.repository.MRL;
import ai.djl.repository.Repository;
import ai.djl.repository.zoo.BaseModelLoader;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslatorFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * DJL's {@link BaseModelLoader} for one artifact directory, with the zoo's {@link ZooTranslatorFactory} as the
 * default: DJL reads {@code serving.properties} only after it has chosen a translator factory, so without this a
 * {@code float[]} model would find none. It {@link ArtifactVerifier verifies} the directory before DJL touches it,
 * since DJL loads the classes that {@code serving.properties} names.
 */
final class ArtifactLoader extends BaseModelLoader {

    private final Path directory;

    private ArtifactLoader(MRL mrl, Path directory) {
        super(mrl);
        this.directory = directory;
    }

    /**
     * Creates the loader of an artifact directory.
     *
     * @param id the artifact id
     * @param directory the artifact directory
     * @return the loader
     */
    static ArtifactLoader of(String id, Path directory) {
        Repository repository = Repository.newInstance(id, directory);
        MRL mrl = MRL.model(repository, application(directory), PlmuModelZoo.GROUP_ID, id,
                Integer.toString(ModelArtifact.FORMAT_VERSION), id);
        return new ArtifactLoader(mrl, directory);
    }

    /**
     * Returns the artifact directory.
     *
     * @return the directory
     */
    Path directory() {
        return directory;
    }

    /**
     * Verifies the artifact (see {@link ArtifactVerifier}) before DJL reads any of it, then loads it.
     *
     * @param criteria the criteria
     * @return the model
     * @throws ArtifactFormatException if the artifact holds unlisted files or folders, a damaged file, or a
     *     {@code serving.properties} naming code other than the project's
     */
    @Override
    public <I, O> ZooModel<I, O> loadModel(Criteria<I, O> criteria)
            throws IOException, ModelNotFoundException, MalformedModelException {
        ArtifactVerifier.verify(directory);
        return super.loadModel(criteria);
    }

    /** {@inheritDoc} */
    @Override
    protected TranslatorFactory getTranslatorFactory(Criteria<?, ?> criteria, Map<String, Object> arguments) {
        TranslatorFactory factory = criteria.getTranslatorFactory();
        return factory != null ? factory : new ZooTranslatorFactory();
    }

    /** The application named in serving.properties, so that Criteria can filter by it. */
    private static Application application(Path directory) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(directory.resolve(ModelArtifact.SERVING))) {
            properties.load(reader);
        } catch (IOException e) {
            return Application.UNDEFINED; // loading reports the missing or unreadable file by name
        }
        String path = properties.getProperty("application");
        return path == null ? Application.UNDEFINED : Application.of(path);
    }
}
