package io.parallellmu.datasets.text;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.parallellmu.datasets.DataFormatException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Lines files: one JSON object per line, strict UTF-8 and strict JSON (quoted keys, double quotes, no
 * duplicate keys), with errors naming the line. Blank lines are allowed and ignored.
 */
public final class JsonLines {

    /**
     * One parsed line.
     *
     * @param file the file
     * @param number the 1-based line number
     * @param object the object on it
     */
    public record Line(Path file, long number, JsonObject object) {

        /**
         * Returns a field that must be a JSON string.
         *
         * @param field the field name
         * @return its value
         * @throws DataFormatException naming the line if it is missing or not a string
         */
        public String string(String field) throws DataFormatException {
            JsonElement value = object.get(field);
            if (value == null || value.isJsonNull()) {
                throw new DataFormatException(file, "line " + number, "missing field '" + field + "'");
            }
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                throw new DataFormatException(file, "line " + number, "field '" + field + "' is not a string: " + value);
            }
            return value.getAsString();
        }

        /**
         * Returns a field that must be a JSON integer.
         *
         * @param field the field name
         * @return its value
         * @throws DataFormatException naming the line if it is missing or not an integer
         */
        public int integer(String field) throws DataFormatException {
            JsonElement value = object.get(field);
            if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
                throw new DataFormatException(file, "line " + number, "missing or non-numeric field '" + field + "'");
            }
            return value.getAsInt();
        }

        /**
         * Returns a field that must be a JSON boolean.
         *
         * @param field the field name
         * @return its value
         * @throws DataFormatException naming the line if it is missing or not a boolean
         */
        public boolean bool(String field) throws DataFormatException {
            JsonElement value = object.get(field);
            if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
                throw new DataFormatException(file, "line " + number, "missing or non-boolean field '" + field + "'");
            }
            return value.getAsBoolean();
        }
    }

    private JsonLines() {}

    /**
     * Reads a JSON Lines file.
     *
     * @param file the file
     * @return its lines with an object each, in order
     * @throws IOException if the file cannot be read, is not UTF-8, or a line is not a JSON object
     */
    public static List<Line> read(Path file) throws IOException {
        List<String> lines = Utf8Text.readLines(file);
        List<Line> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            JsonElement element;
            try {
                element = parseStrictly(text);
            } catch (JsonParseException | IOException | IllegalStateException e) {
                throw new DataFormatException(file, "line " + (i + 1), "malformed JSON: " + rootMessage(e), e);
            }
            if (!element.isJsonObject()) {
                throw new DataFormatException(file, "line " + (i + 1), "expected a JSON object, got " + abbreviate(text));
            }
            out.add(new Line(file, i + 1, element.getAsJsonObject()));
        }
        return out;
    }

    /**
     * Parses one line as strict JSON (RFC 8259): quoted keys, double-quoted strings, no comments, nothing after
     * the value, and no key twice in one object (Gson alone would keep the last silently).
     */
    private static JsonElement parseStrictly(String text) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement element = readValue(reader);
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new JsonParseException("more after the JSON value at " + reader.getPath());
        }
        return element;
    }

    private static JsonElement readValue(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    if (object.has(name)) {
                        throw new JsonParseException("duplicate key '" + name + "' at " + reader.getPath());
                    }
                    object.add(name, readValue(reader));
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(readValue(reader));
                }
                reader.endArray();
                return array;
            }
            case STRING -> {
                return new JsonPrimitive(reader.nextString());
            }
            case NUMBER -> {
                return new JsonPrimitive(new BigDecimal(reader.nextString()));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(reader.nextBoolean());
            }
            case NULL -> {
                reader.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new JsonParseException("unexpected " + reader.peek() + " at " + reader.getPath());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
