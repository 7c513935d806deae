package io.parallellmu.zoo;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes an artifact's {@link TaskMetadata}, as {@link MetadataReader} reads it: {@code task.json} holds the
 * {@code "kind"} field and then the record's components as fields of the same names, except those marked
 * {@link StoredIn}, which go to their own files beside it.
 */
final class MetadataWriter {

    private MetadataWriter() {}

    /**
     * Writes the task metadata into an artifact directory being built.
     *
     * @param dir the directory
     * @param task the metadata
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if a vocabulary token holds a line break
     */
    static void write(Path dir, TaskMetadata task) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty(MetadataReader.KIND_FIELD, task.kind().name());
        for (RecordComponent component : task.getClass().getRecordComponents()) {
            Object value = valueOf(component, task);
            StoredIn file = component.getAnnotation(StoredIn.class);
            if (value == null) {
                continue;
            }
            if (file == null) {
                json.add(component.getName(), ConfigJson.GSON.toJsonTree(value));
            } else {
                Files.writeString(dir.resolve(file.value()), fileText(component, value), StandardCharsets.UTF_8);
            }
        }
        Files.writeString(dir.resolve(ModelArtifact.TASK), ConfigJson.GSON.toJson(json), StandardCharsets.UTF_8);
    }

    private static Object valueOf(RecordComponent component, TaskMetadata task) {
        try {
            return component.getAccessor().invoke(task);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("the accessor of " + task.getClass().getSimpleName() + "."
                    + component.getName() + " is public and throws nothing", e);
        }
    }

    /** Indices separated by spaces, or tokens one per line. */
    @SuppressWarnings("unchecked")
    private static String fileText(RecordComponent component, Object value) {
        if (component.getType() == int[].class) {
            return Arrays.stream((int[]) value).mapToObj(Integer::toString).collect(Collectors.joining(" ")) + "\n";
        }
        if (component.getType() == List.class) {
            List<String> tokens = (List<String>) value;
            for (int id = 0; id < tokens.size(); id++) {
                if (tokens.get(id).contains("\n")) {
                    throw new IllegalArgumentException("token " + id + " holds a line break, which "
                            + component.getAnnotation(StoredIn.class).value() + " (one token per line) cannot store");
                }
            }
            return tokens.stream().map(token -> token + "\n").collect(Collectors.joining());
        }
        throw new IllegalStateException(component + " is stored in its own file, which holds an int[] or a"
                + " List<String> only");
    }
}
