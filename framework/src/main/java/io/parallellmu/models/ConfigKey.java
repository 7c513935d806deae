package io.parallellmu.models;

import java.util.StringJoiner;

/**
 * Writes the canonical text of a family's settings: {@code Name[field=value, ...]}, with the names given here rather
 * than taken from Java, so that the text is stable across refactorings. Numbers are written as Java writes them
 * ({@code 4.0}, {@code 0.5}). Key version 1: the format of every results.csv written so far.
 */
public final class ConfigKey {

    /** The version of this format; results files written in another version would not be recognised. */
    public static final int VERSION = 1;

    private final String name;
    private final StringJoiner fields = new StringJoiner(", ");

    private ConfigKey(String name) {
        this.name = name;
    }

    /**
     * Starts the key of a family's settings.
     *
     * @param name the settings' name, such as {@code LmuConfig}
     * @return the key
     */
    public static ConfigKey of(String name) {
        return new ConfigKey(name);
    }

    /**
     * Adds a field.
     *
     * @param field the field's name in the key
     * @param value its value
     * @return this key
     */
    public ConfigKey with(String field, Object value) {
        fields.add(field + "=" + value);
        return this;
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return name + "[" + fields + "]";
    }
}
