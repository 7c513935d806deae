package io.parallellmu.datasets.fetch;

import io.parallellmu.vocabulary.DataKind;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.parallellmu.datasets.DataFormatException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a converted stand-in in the cache is, written last into its directory as {@value #FILE_NAME} (JSON), so
 * its presence marks a complete conversion: its kind, its source, the versions of the packages it came from,
 * its data files and their SHA-256, and loader-specific details such as a split size. Every stand-in, MNIST
 * and text alike, reads and writes its cache through this one class.
 *
 * @param task the task it stands in for
 * @param kind stand-in or synthetic
 * @param source where the data comes from, in words
 * @param files the data files, relative to the cache directory, in checksum order
 * @param checksum the SHA-256 (hex) of the data files as the stand-in's loader computes it ({@link #checksumOf}
 *     for the text stand-ins, the concatenated IDX files for the MNIST ones)
 * @param versions the source packages and their exact versions, if they are not part of {@code source}
 * @param details loader-specific settings of the conversion, such as a split size
 */
public record StandInManifest(
        String task,
        DataKind kind,
        String source,
        List<String> files,
        String checksum,
        Map<String, String> versions,
        Map<String, String> details) {

    /** The manifest's file name inside a stand-in's cache directory. */
    public static final String FILE_NAME = "stand-in.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final Pattern JSON_POSITION = Pattern.compile("(line \\d+ column \\d+)");

    /**
     * Validates and freezes the record, keeping the order of the versions.
     *
     * @throws IllegalArgumentException naming the first missing field
     */
    public StandInManifest {
        require(task, "task");
        require(kind, "kind");
        require(source, "source");
        require(files, "files");
        require(checksum, "checksum");
        require(versions, "versions");
        require(details, "details");
        files = List.copyOf(files);
        versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        details = Map.copyOf(details);
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("no '" + field + "'");
        }
    }

    /**
     * Creates a manifest for data files just written, computing their checksum with {@link #checksumOf}.
     *
     * @param dir the directory holding the files
     * @param task the task
     * @param kind stand-in or synthetic
     * @param source where the data comes from
     * @param files the data files, relative to {@code dir}
     * @param versions the source packages and their versions
     * @return the manifest, with no details
     * @throws IOException if a file cannot be read
     */
    public static StandInManifest describe(
            Path dir, String task, DataKind kind, String source, List<String> files, Map<String, String> versions)
            throws IOException {
        return new StandInManifest(task, kind, source, files, checksumOf(dir, files), versions, Map.of());
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
     * @return such as {@code stand-in: ... [fortunes 1:1.99.1-7.3]}, or just the source when there are no versions
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
     * Tells whether the data files in a directory still have this manifest's {@link #checksumOf} checksum.
     *
     * @param dir the stand-in's cache directory
     * @return {@code false} if a file is missing, unreadable or changed
     */
    public boolean filesMatch(Path dir) {
        try {
            return checksum.equals(checksumOf(dir, files));
        } catch (IOException e) {
            return false;
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
     * Reads the manifest of a cached stand-in.
     *
     * @param dir the stand-in's cache directory
     * @return the manifest
     * @throws FileNotFoundException naming the file when the directory has no manifest
     * @throws DataFormatException naming the file and what is wrong when the manifest is damaged
     * @throws IOException if reading fails
     */
    public static StandInManifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException(
                    file + " is missing: " + dir + " holds no complete stand-in; delete it and fetch again");
        }
        String json = decodeUtf8(file);
        try {
            StandInManifest manifest = GSON.fromJson(json, StandInManifest.class);
            if (manifest == null) {
                throw new DataFormatException(file, "byte 0", "empty stand-in manifest");
            }
            return manifest;
        } catch (RuntimeException e) { // Gson's parse errors, and the record's validation wrapped by Gson
            String problem = rootMessage(e);
            Matcher at = JSON_POSITION.matcher(problem);
            String position = at.find() ? at.group(1) : "the JSON object";
            throw new DataFormatException(file, position, "malformed stand-in manifest: " + problem, e);
        }
    }

    /**
     * Reads the manifest of a cache directory that may be absent, out of date or damaged, saying why when there
     * is a directory but no usable manifest. A directory from before this format (holding the older
     * {@code stand-in.properties} or {@code manifest.json}) has none, so the caller fetches it again.
     *
     * @param dir the stand-in's cache directory
     * @param log where to say why a directory is not used
     * @return the manifest, or empty when the stand-in must be fetched (again)
     * @throws IOException if the manifest exists but cannot be read at all
     */
    public static Optional<StandInManifest> readCached(Path dir, PrintStream log) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(dir.resolve(FILE_NAME))) {
            log.println(dir + " has no " + FILE_NAME + " (a cache from an older version, or an interrupted"
                    + " conversion): fetching it again");
            return Optional.empty();
        }
        try {
            return Optional.of(read(dir));
        } catch (DataFormatException e) {
            log.println(e.getMessage() + ": fetching it again");
            return Optional.empty();
        }
    }

    private static String decodeUtf8(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DataFormatException(file, "byte " + bytes.position(), "invalid UTF-8 in the stand-in manifest", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
