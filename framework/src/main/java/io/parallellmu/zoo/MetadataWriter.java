package io.parallellmu.zoo;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes an artifact's {@link TaskMetadata}: {@code task.json} with the {@code "kind"} field first and then the
 * record's own fields, and its big arrays in their own files beside it, as {@link MetadataReader} reads them.
 */
final class MetadataWriter {

    private final Path dir;
    private final JsonObject json = new JsonObject();

    private MetadataWriter(Path dir) {
        this.dir = dir;
    }

    /**
     * Writes the task metadata into an artifact directory being built.
     *
     * @param dir the directory
     * @param task the metadata
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if a vocabulary token holds a line break
     */
    static void write(Path dir, TaskMetadata task) throws IOException {
        MetadataWriter writer = new MetadataWriter(dir);
        writer.json.addProperty(MetadataReader.KIND_FIELD, task.kind().name());
        task.kind().write(task, writer);
        Files.writeString(dir.resolve(ModelArtifact.TASK), ConfigJson.GSON.toJson(writer.json),
                StandardCharsets.UTF_8);
    }

    /**
     * Adds a number field.
     *
     * @param field the field
     * @param value its value
     */
    void put(String field, Number value) {
        json.addProperty(field, value);
    }

    /**
     * Adds a string field.
     *
     * @param field the field
     * @param value its value
     */
    void put(String field, String value) {
        json.addProperty(field, value);
    }

    /**
     * Adds a boolean field.
     *
     * @param field the field
     * @param value its value
     */
    void put(String field, boolean value) {
        json.addProperty(field, value);
    }

    /**
     * Adds a list-of-strings field.
     *
     * @param field the field
     * @param values its strings
     */
    void put(String field, List<String> values) {
        JsonArray array = new JsonArray(values.size());
        values.forEach(array::add);
        json.add(field, array);
    }

    /**
     * Writes indices to their own file, separated by spaces.
     *
     * @param name the file's name in the artifact
     * @param indices the indices, or {@code null} for no file
     * @throws IOException if writing fails
     */
    void indices(String name, int[] indices) throws IOException {
        if (indices != null) {
            writeText(name, Arrays.stream(indices).mapToObj(Integer::toString).collect(Collectors.joining(" "))
                    + "\n");
        }
    }

    /**
     * Writes tokens to their own file, one per line.
     *
     * @param name the file's name in the artifact
     * @param tokens the tokens by id, or {@code null} for no file
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if a token holds a line break
     */
    void tokens(String name, List<String> tokens) throws IOException {
        if (tokens != null) {
            for (int id = 0; id < tokens.size(); id++) {
                if (tokens.get(id).contains("\n")) {
                    throw new IllegalArgumentException("token " + id + " holds a line break, which " + name
                            + " (one token per line) cannot store");
                }
            }
            writeText(name, tokens.stream().map(token -> token + "\n").collect(Collectors.joining()));
        }
    }

    private void writeText(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
