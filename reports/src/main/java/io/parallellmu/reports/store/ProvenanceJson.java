package io.parallellmu.reports.store;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import io.parallellmu.reports.schema.Provenance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code provenance.json}, the record of how a suite run was made. */
public final class ProvenanceJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private ProvenanceJson() {}

    /**
     * Writes the provenance atomically.
     *
     * @param path the JSON file to create or replace
     * @param provenance what to write
     * @throws IOException when the file cannot be written
     */
    public static void write(Path path, Provenance provenance) throws IOException {
        AtomicFiles.writeString(path, GSON.toJson(provenance) + "\n");
    }

    /**
     * Reads a provenance file.
     *
     * @param path the JSON file
     * @return the provenance
     * @throws IOException naming the file when it cannot be read, is not valid JSON, or lacks a
     *     field
     */
    public static Provenance read(Path path) throws IOException {
        String json = Files.readString(path, StandardCharsets.UTF_8);
        Provenance provenance;
        try {
            provenance = GSON.fromJson(json, Provenance.class);
        } catch (JsonParseException e) {
            throw new IOException(path + ": invalid provenance: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Gson wraps the record's validation failure (a missing or blank field).
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw new IOException(path + ": invalid provenance: " + invalid.getMessage(), e);
            }
            throw e;
        }
        if (provenance == null) {
            throw new IOException(path + ": invalid provenance: the file is empty");
        }
        return provenance;
    }
}
