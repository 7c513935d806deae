package io.parallellmu.zoo;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an artifact's {@link TaskMetadata}: {@code task.json}, whose {@code "kind"} field selects the record, and the
 * data files beside it. A missing or mistyped field is refused with a message naming the file, the field and the
 * kind that requires it; fields of other kinds (which artifacts of format version 2 wrote for every kind) are
 * ignored.
 *
 * @param dir the artifact directory
 * @param file its {@code task.json}
 * @param json the parsed file
 * @param kind the kind's name, for messages
 */
record MetadataReader(Path dir, Path file, JsonObject json, String kind) {

    /** The field that names the record's {@link MetadataKind}. */
    static final String KIND_FIELD = "kind";

    /**
     * Reads the task metadata of an artifact.
     *
     * @param dir the artifact directory
     * @return the metadata, with its data files read
     * @throws ArtifactFormatException naming the file and the field or value at fault
     * @throws IOException if reading fails
     */
    static TaskMetadata read(Path dir) throws IOException {
        Path file = dir.resolve(ModelArtifact.TASK);
        JsonObject json;
        try {
            JsonElement parsed = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!parsed.isJsonObject()) {
                throw new ArtifactFormatException(file, "not a JSON object; expected the task metadata");
            }
            json = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new ArtifactFormatException(file, "not valid JSON: " + e.getMessage(), e);
        }
        JsonElement name = json.get(KIND_FIELD);
        if (name == null || !name.isJsonPrimitive()) {
            throw new ArtifactFormatException(file, "lacks the field \"" + KIND_FIELD + "\" (one of "
                    + MetadataKind.all() + ")");
        }
        MetadataKind<?> kind = MetadataKind.named(name.getAsString()).orElseThrow(() -> new ArtifactFormatException(
                file, "field \"" + KIND_FIELD + "\" is " + name + "; expected one of " + MetadataKind.all()));
        MetadataReader reader = new MetadataReader(dir, file, json, kind.name());
        try {
            return kind.read(reader);
        } catch (IllegalArgumentException e) {
            throw new ArtifactFormatException(file, "holds invalid " + kind + " metadata: " + e.getMessage(), e);
        }
    }

    /**
     * Returns a required list of strings.
     *
     * @param field the field
     * @return its strings
     * @throws ArtifactFormatException if it is missing or not an array of strings
     */
    List<String> strings(String field) throws ArtifactFormatException {
        JsonElement value = required(field);
        if (!value.isJsonArray()) {
            throw mistyped(field, value, "an array of strings");
        }
        JsonArray array = value.getAsJsonArray();
        List<String> strings = new ArrayList<>(array.size());
        for (JsonElement element : array) {
            if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
                throw mistyped(field, value, "an array of strings");
            }
            strings.add(element.getAsString());
        }
        return strings;
    }

    /**
     * Returns a required string.
     *
     * @param field the field
     * @return its value
     * @throws ArtifactFormatException if it is missing or not a string
     */
    String text(String field) throws ArtifactFormatException {
        JsonPrimitive value = primitive(field);
        if (!value.isString()) {
            throw mistyped(field, value, "a string");
        }
        return value.getAsString();
    }

    /**
     * Returns a required boolean.
     *
     * @param field the field
     * @return its value
     * @throws ArtifactFormatException if it is missing or not a boolean
     */
    boolean flag(String field) throws ArtifactFormatException {
        JsonPrimitive value = primitive(field);
        if (!value.isBoolean()) {
            throw mistyped(field, value, "true or false");
        }
        return value.getAsBoolean();
    }

    /**
     * Returns an optional boolean.
     *
     * @param field the field
     * @param absent the value when the field is absent
     * @return its value, or {@code absent}
     * @throws ArtifactFormatException if it is present and not a boolean
     */
    boolean flag(String field, boolean absent) throws ArtifactFormatException {
        return json.has(field) ? flag(field) : absent;
    }

    /**
     * Returns a required integer.
     *
     * @param field the field
     * @return its value
     * @throws ArtifactFormatException if it is missing or not an integer
     */
    int integer(String field) throws ArtifactFormatException {
        return (int) wholeNumber(field, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * Returns an optional integer.
     *
     * @param field the field
     * @param absent the value when the field is absent
     * @return its value, or {@code absent}
     * @throws ArtifactFormatException if it is present and not an integer
     */
    int integer(String field, int absent) throws ArtifactFormatException {
        return json.has(field) ? integer(field) : absent;
    }

    /**
     * Returns a required long integer.
     *
     * @param field the field
     * @return its value
     * @throws ArtifactFormatException if it is missing or not an integer
     */
    long longInteger(String field) throws ArtifactFormatException {
        return wholeNumber(field, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * Returns a required number.
     *
     * @param field the field
     * @return its value
     * @throws ArtifactFormatException if it is missing or not a number
     */
    float number(String field) throws ArtifactFormatException {
        JsonPrimitive value = primitive(field);
        if (!value.isNumber()) {
            throw mistyped(field, value, "a number");
        }
        return value.getAsFloat();
    }

    /**
     * Reads a permutation from its own file.
     *
     * @param name the file's name in the artifact
     * @param length how many entries it must have
     * @return the permutation
     * @throws ArtifactFormatException if the file is missing or not a permutation of 0..length−1
     * @throws IOException if reading fails
     */
    int[] permutation(String name, int length) throws IOException {
        Path data = requiredFile(name, "the " + length + " indices of a permutation, separated by spaces");
        String text = Files.readString(data, StandardCharsets.UTF_8).strip();
        try {
            int[] permutation = Arrays.stream(text.split(" ")).mapToInt(Integer::parseInt).toArray();
            Permutations.require(permutation, length);
            return permutation;
        } catch (IllegalArgumentException e) {
            throw new ArtifactFormatException(data, "not a permutation of 0.." + (length - 1) + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Reads a vocabulary from its own file, one token per line, the line number being the id.
     *
     * @param name the file's name in the artifact
     * @return the tokens
     * @throws ArtifactFormatException if the file is missing
     * @throws IOException if reading fails
     */
    List<String> tokens(String name) throws IOException {
        Path data = requiredFile(name, "its vocabulary, one token per line");
        List<String> tokens = List.of(Files.readString(data, StandardCharsets.UTF_8).split("\n", -1));
        return tokens.subList(0, tokens.size() - 1);
    }

    /**
     * Reads a vocabulary from its own file if the artifact has one.
     *
     * @param name the file's name in the artifact
     * @return the tokens, or {@code null} when the file is absent
     * @throws IOException if reading fails
     */
    List<String> optionalTokens(String name) throws IOException {
        return Files.exists(dir.resolve(name)) ? tokens(name) : null;
    }

    private Path requiredFile(String name, String holding) throws ArtifactFormatException {
        Path data = dir.resolve(name);
        if (!Files.isRegularFile(data)) {
            throw new ArtifactFormatException(data, "missing; a " + kind + " model holds " + holding + " there");
        }
        return data;
    }

    private long wholeNumber(String field, long min, long max) throws ArtifactFormatException {
        JsonPrimitive value = primitive(field);
        try {
            if (value.isNumber()) {
                long whole = value.getAsBigDecimal().longValueExact();
                if (whole >= min && whole <= max) {
                    return whole;
                }
            }
        } catch (ArithmeticException e) {
            // not whole, or beyond a long: refused below
        }
        throw mistyped(field, value, "an integer in [" + min + ", " + max + "]");
    }

    private JsonPrimitive primitive(String field) throws ArtifactFormatException {
        JsonElement value = required(field);
        if (!value.isJsonPrimitive()) {
            throw mistyped(field, value, "a single value");
        }
        return value.getAsJsonPrimitive();
    }

    private JsonElement required(String field) throws ArtifactFormatException {
        JsonElement value = json.get(field);
        if (value == null || value.isJsonNull()) {
            throw new ArtifactFormatException(file, "lacks the field \"" + field + "\", which " + kind
                    + " metadata requires");
        }
        return value;
    }

    private ArtifactFormatException mistyped(String field, JsonElement value, String expected) {
        return new ArtifactFormatException(file, "field \"" + field + "\" is " + value + "; " + kind
                + " metadata needs " + expected + " there");
    }
}
