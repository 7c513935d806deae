package io.parallellmu.zoo;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorFactory;
import ai.djl.util.Pair;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The {@code translatorFactory} of every zoo artifact: asks the kind of the artifact's {@link TaskMetadata} for the
 * translator of the types asked for. Each record states the types it takes (a {@link PermutedPixels} model, for
 * instance, {@code float[]} or {@code Image} → {@code Classifications}); every kind also takes {@code NDList →
 * NDList}, the raw model.
 */
public final class ZooTranslatorFactory implements TranslatorFactory {

    private static final Set<Pair<Type, Type>> SUPPORTED = MetadataKind.supportedTypes();

    /** {@inheritDoc} */
    @Override
    public Set<Pair<Type, Type>> getSupportedTypes() {
        return SUPPORTED;
    }

    /** {@inheritDoc} */
    @Override
    @SuppressWarnings("unchecked")
    public <I, O> Translator<I, O> newInstance(Class<I> input, Class<O> output, Model model,
            Map<String, ?> arguments) throws TranslateException {
        Path dir = model.getModelPath();
        ModelArtifact artifact;
        try {
            artifact = ModelArtifact.read(dir);
        } catch (IOException e) {
            throw new TranslateException(e.getMessage(), e);
        }
        if (input == NDList.class && output == NDList.class) {
            return (Translator<I, O>) new NoopTranslator();
        }
        TaskMetadata task = artifact.task();
        return (Translator<I, O>) task.kind().translator(artifact.id(), task, input, output);
    }
}
