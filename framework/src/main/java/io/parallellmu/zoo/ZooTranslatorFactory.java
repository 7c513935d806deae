package io.parallellmu.zoo;

import ai.djl.Model;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorFactory;
import ai.djl.util.Pair;
import io.parallellmu.zoo.translate.ForecastTranslator;
import io.parallellmu.zoo.translate.PixelArrayTranslator;
import io.parallellmu.zoo.translate.PixelImageTranslator;
import io.parallellmu.zoo.translate.TextClassificationTranslator;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The {@code translatorFactory} of every zoo artifact: picks the translator from the artifact's
 * {@link TaskMetadata} and the types asked for.
 *
 * <table>
 *   <caption>Types each task kind takes</caption>
 *   <tr><th>Task kind</th><th>Input → output</th></tr>
 *   <tr><td>PERMUTED_PIXELS (psMNIST, pooled or not)</td><td>{@code float[]} (row-major, [0, 1]) or
 *       {@code Image} of the full image size → {@code Classifications}</td></tr>
 *   <tr><td>FORECAST (Mackey-Glass)</td><td>{@code float[]} history → {@code Float}, the value horizon steps
 *       after the last</td></tr>
 *   <tr><td>TEXT_CLASSIFICATION</td><td>{@code String} → {@code Classifications}</td></tr>
 *   <tr><td>any</td><td>{@code NDList} → {@code NDList} (the raw model)</td></tr>
 * </table>
 */
public final class ZooTranslatorFactory implements TranslatorFactory {

    private static final Set<Pair<Type, Type>> SUPPORTED = Set.of(
            new Pair<>(float[].class, Classifications.class),
            new Pair<>(Image.class, Classifications.class),
            new Pair<>(float[].class, Float.class),
            new Pair<>(String.class, Classifications.class),
            new Pair<>(NDList.class, NDList.class));

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
        TaskMetadata task = artifact.task();
        String id = artifact.id();
        if (input == NDList.class && output == NDList.class) {
            return (Translator<I, O>) new NoopTranslator();
        }
        switch (task.kind()) {
            case PERMUTED_PIXELS:
                if (input == float[].class && output == Classifications.class) {
                    return (Translator<I, O>) new PixelArrayTranslator(id, task);
                }
                if (input == Image.class && output == Classifications.class) {
                    return (Translator<I, O>) new PixelImageTranslator(id, task);
                }
                break;
            case FORECAST:
                if (input == float[].class && output == Float.class) {
                    return (Translator<I, O>) new ForecastTranslator(id, task);
                }
                break;
            case TEXT_CLASSIFICATION:
                if (input == String.class && output == Classifications.class) {
                    return (Translator<I, O>) new TextClassificationTranslator(id, task);
                }
                break;
            default:
                break;
        }
        throw new TranslateException(id + " is a " + task.kind() + " model and takes " + typesOf(task.kind())
                + ", not " + input.getSimpleName() + " → " + output.getSimpleName());
    }

    private static String typesOf(TaskMetadata.Kind kind) {
        switch (kind) {
            case PERMUTED_PIXELS:
                return "float[] or Image → Classifications";
            case FORECAST:
                return "float[] → Float";
            case TEXT_CLASSIFICATION:
                return "String → Classifications";
            default:
                return "NDList → NDList";
        }
    }
}
