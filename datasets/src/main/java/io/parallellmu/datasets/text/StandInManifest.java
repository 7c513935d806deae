package io.parallellmu.datasets.text;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.datasets.DataKind;
import io.parallellmu.datasets.fetch.Checksums;
import io.parallellmu.datasets.fetch.FetchException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a converted stand-in in the cache is, written beside its files as {@value #FILE_NAME}: its kind, its
 * source, the versions of the packages it came from, and the SHA-256 of its data files.
 *
 * @param task the task it stands in for
 * @param kind stand-in or synthetic
 * @param source where the data comes from, in words
 * @param files the data files, relative to the cache directory, in checksum order
 * @param checksum the SHA-256 of the data files ({@link #checksumOf})
 * @param versions the source packages and their exact versions
 */
public record StandInManifest(
        String task, DataKind kind, String source, List<String> files, String checksum, Map<String, String> versions) {

    /** The manifest's file name inside a stand-in's cache directory. */
    public static final String FILE_NAME = "manifest.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** Validates and freezes the record. */
    public StandInManifest {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(checksum, "checksum");
        files = List.copyOf(files);
        versions = new LinkedHashMap<>(versions);
    }

    /**
     * Creates a manifest for data files just written, computing their checksum.
     *
     * @param dir the directory holding the files
     * @param task the task
     * @param kind stand-in or synthetic
     * @param source where the data comes from
     * @param files the data files, relative to {@code dir}
     * @param versions the source packages and their versions
     * @return the manifest
     * @throws IOException if a file cannot be read
     */
    public static StandInManifest describe(
            Path dir, String task, DataKind kind, String source, List<String> files, Map<String, String> versions)
            throws IOException {
        return new StandInManifest(task, kind, source, files, checksumOf(dir, files), versions);
    }

    /**
     * Creates the manifest of generated (synthetic) data just written, recording its generator and seed.
     *
     * @param dir the directory holding the files
     * @param task the task
     * @param source what the data is, starting with "synthetic"
     * @param files the data files, relative to {@code dir}
     * @param generator the generator and its version
     * @param seed the generator's seed
     * @return the manifest
     * @throws IOException if a file cannot be read
     */
    public static StandInManifest synthetic(
            Path dir, String task, String source, List<String> files, String generator, long seed) throws IOException {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("generator", generator);
        versions.put("seed", Long.toString(seed));
        return describe(dir, task, DataKind.SYNTHETIC, source, files, versions);
    }

    /**
     * Returns the SHA-256 of a list of files: for each in order its relative name, a NUL byte, its length and
     * its bytes.
     *
     * @param dir the base directory
     * @param files the files, relative to {@code dir}
     * @return the checksum in hex
     * @throws IOException if a file cannot be read
     */
    public static String checksumOf(Path dir, List<String> files) throws IOException {
        MessageDigest digest = Checksums.sha256();
        byte[] buffer = new byte[1 << 16];
        for (String name : files) {
            Path file = dir.resolve(name);
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Long.toString(Files.size(file)).getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Returns the source followed by the package versions, for a {@link io.parallellmu.datasets.DataProvenance}.
     *
     * @return such as {@code stand-in: ... [fortunes 1:1.99.1-7.3]}
     */
    public String sourceWithVersions() {
        if (versions.isEmpty()) {
            return source;
        }
        StringBuilder sb = new StringBuilder(source).append(" [");
        versions.forEach((name, version) -> sb.append(sb.charAt(sb.length() - 1) == '[' ? "" : ", ").append(name).append(' ').append(version));
        return sb.append(']').toString();
    }

    /**
     * Checks the data against its pinned checksum.
     *
     * @param pinnedSha256 the checksum the conversion must reproduce
     * @param what the data, for the message
     * @throws FetchException naming both checksums if they differ: the conversion is not reproducible
     */
    public void requireChecksum(String pinnedSha256, String what) throws FetchException {
        if (!checksum.equals(pinnedSha256)) {
            throw new FetchException(
                    what + " have SHA-256 " + checksum + " but " + pinnedSha256 + " is pinned: the conversion is not"
                            + " reproducible (or the pin was not updated with the conversion code).");
        }
    }

    /**
     * Writes the manifest into a directory.
     *
     * @param dir the stand-in's (temporary) cache directory
     * @throws IOException if writing fails
     */
    public void write(Path dir) throws IOException {
        Files.writeString(dir.resolve(FILE_NAME), GSON.toJson(this), StandardCharsets.UTF_8);
    }

    /**
     * Reads a manifest.
     *
     * @param dir the stand-in's cache directory
     * @return the manifest
     * @throws IOException if it is missing or malformed
     */
    public static StandInManifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        String json = Utf8Text.decode(Files.readAllBytes(file), file);
        try {
            StandInManifest manifest = GSON.fromJson(json, StandInManifest.class);
            if (manifest == null) {
                throw new DataFormatException(file, "byte 0", "empty manifest");
            }
            return new StandInManifest(
                    manifest.task, manifest.kind, manifest.source, manifest.files, manifest.checksum, manifest.versions);
        } catch (JsonParseException | NullPointerException e) {
            throw new DataFormatException(file, "byte 0", "malformed stand-in manifest: " + e.getMessage(), e);
        }
    }

    /**
     * Tells whether a directory holds a complete stand-in whose files still match its manifest.
     *
     * @param dir the stand-in's cache directory
     * @return {@code true} if the manifest is there and the files' checksum matches it
     */
    public static boolean isValid(Path dir) {
        if (!Files.isRegularFile(dir.resolve(FILE_NAME))) {
            return false;
        }
        try {
            StandInManifest manifest = read(dir);
            return manifest.checksum.equals(checksumOf(dir, manifest.files));
        } catch (IOException e) {
            return false;
        }
    }
}
