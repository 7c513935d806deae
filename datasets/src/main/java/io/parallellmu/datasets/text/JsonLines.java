package io.parallellmu.datasets.text;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.parallellmu.datasets.DataFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Lines files: one JSON object per line, strict UTF-8, with errors naming the line. Blank lines are
 * allowed and ignored.
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
                element = JsonParser.parseString(text);
            } catch (JsonParseException e) {
                throw new DataFormatException(file, "line " + (i + 1), "malformed JSON: " + rootMessage(e), e);
            }
            if (!element.isJsonObject()) {
                throw new DataFormatException(file, "line " + (i + 1), "expected a JSON object, got " + abbreviate(text));
            }
            out.add(new Line(file, i + 1, element.getAsJsonObject()));
        }
        return out;
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
