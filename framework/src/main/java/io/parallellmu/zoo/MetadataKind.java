package io.parallellmu.zoo;

import ai.djl.Application;
import ai.djl.ndarray.NDList;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.util.Pair;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One kind of {@link TaskMetadata}: the name that selects its record in {@code task.json}'s {@code "kind"} field, the
 * DJL application its models serve, how the record is read back, and the translators it offers (every record is
 * written alike, from its components). Each record declares its kind beside its fields, so that the translator
 * choice lives with the kind.
 *
 * @param <T> the record
 */
public final class MetadataKind<T extends TaskMetadata> {

    /** The types every kind takes: the raw model. */
    private static final Pair<Type, Type> RAW = new Pair<>(NDList.class, NDList.class);

    private final String name;
    private final Class<T> record;
    private final Application application;
    private final Reader<T> reader;
    private final List<Offer<T>> translators;

    /**
     * Declares a kind.
     *
     * @param name the {@code "kind"} value in {@code task.json}; never change it, or written artifacts stop loading
     * @param record the record it selects
     * @param application the DJL application its models serve
     * @param reader reads the record's fields from {@code task.json} and the files beside it
     * @param translators what the kind's models take besides {@code NDList → NDList}, in the order they are named in
     *     error messages
     */
    MetadataKind(String name, Class<T> record, Application application, Reader<T> reader,
            List<Offer<T>> translators) {
        this.name = name;
        this.record = record;
        this.application = application;
        this.reader = reader;
        this.translators = List.copyOf(translators);
    }

    /**
     * Returns every kind.
     *
     * @return the kinds
     */
    static List<MetadataKind<?>> all() {
        return Registry.KINDS;
    }

    /**
     * Returns the kind of a name.
     *
     * @param name the {@code "kind"} value
     * @return the kind, or empty if no kind has that name
     */
    static Optional<MetadataKind<?>> named(String name) {
        return all().stream().filter(kind -> kind.name.equals(name)).findFirst();
    }

    /**
     * Returns the input and output types of every kind's translators, and of the raw model.
     *
     * @return the type pairs
     */
    static Set<Pair<Type, Type>> supportedTypes() {
        return Stream.concat(Stream.of(RAW), all().stream().flatMap(kind -> kind.translators.stream())
                .map(offer -> new Pair<Type, Type>(offer.input(), offer.output()))).collect(Collectors.toSet());
    }

    /**
     * Returns the kind's name, the {@code "kind"} value in {@code task.json}.
     *
     * @return the name, such as {@code PERMUTED_PIXELS}
     */
    public String name() {
        return name;
    }

    /**
     * Returns the DJL application a model of this kind serves.
     *
     * @return the application
     */
    public Application application() {
        return application;
    }

    /**
     * Returns the translator for the types asked for.
     *
     * @param artifact the artifact id, for error messages
     * @param task the artifact's metadata, of this kind
     * @param input the input type
     * @param output the output type
     * @return the translator
     * @throws TranslateException if the kind offers no translator for those types, naming those it offers
     */
    Translator<?, ?> translator(String artifact, TaskMetadata task, Class<?> input, Class<?> output)
            throws TranslateException {
        for (Offer<T> offer : translators) {
            if (offer.input() == input && offer.output() == output) {
                return offer.maker().create(artifact, record.cast(task));
            }
        }
        throw new TranslateException(artifact + " is a " + name + " model and takes " + offeredTypes() + ", not "
                + input.getSimpleName() + " → " + output.getSimpleName());
    }

    /** The offered types, inputs of one output joined: "float[] or Image → Classifications". */
    private String offeredTypes() {
        if (translators.isEmpty()) {
            return "NDList → NDList";
        }
        Map<Class<?>, List<String>> inputsByOutput = new LinkedHashMap<>();
        for (Offer<T> offer : translators) {
            inputsByOutput.computeIfAbsent(offer.output(), output -> new ArrayList<>())
                    .add(offer.input().getSimpleName());
        }
        return inputsByOutput.entrySet().stream()
                .map(e -> String.join(" or ", e.getValue()) + " → " + e.getKey().getSimpleName())
                .collect(Collectors.joining("; "));
    }

    /** Reads the record from the reader, which names the file of any missing or invalid field. */
    T read(MetadataReader in) throws IOException {
        return reader.read(in);
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return name;
    }

    /**
     * A translator a kind offers.
     *
     * @param input the input type it takes
     * @param output the output type it gives
     * @param maker creates it for an artifact
     * @param <T> the record
     */
    record Offer<T extends TaskMetadata>(Class<?> input, Class<?> output, Maker<T> maker) {}

    /**
     * Creates a translator for an artifact's metadata.
     *
     * @param <T> the record
     */
    @FunctionalInterface
    interface Maker<T extends TaskMetadata> {
        /**
         * Creates the translator.
         *
         * @param artifact the artifact id, for error messages
         * @param task the metadata
         * @return the translator
         * @throws TranslateException if the metadata names something that is not available
         */
        Translator<?, ?> create(String artifact, T task) throws TranslateException;
    }

    /**
     * Reads a record.
     *
     * @param <T> the record
     */
    @FunctionalInterface
    interface Reader<T extends TaskMetadata> {
        /**
         * Reads the record.
         *
         * @param in the task file and the files beside it
         * @return the record
         * @throws IOException if a field or file is missing or invalid, naming it
         */
        T read(MetadataReader in) throws IOException;
    }

    /**
     * Every kind, one per record that {@link TaskMetadata} permits. Held apart so that a record's class
     * initialisation, which builds its kind, never waits on this list.
     */
    private static final class Registry {
        private static final List<MetadataKind<?>> KINDS = List.of(PermutedPixels.KIND, Forecast.KIND,
                TextClassification.KIND, TextPairClassification.KIND, Translation.KIND, CharacterModel.KIND,
                RawSequence.KIND);
    }
}
