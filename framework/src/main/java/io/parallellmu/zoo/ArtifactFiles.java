package io.parallellmu.zoo;

import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * File-level helpers of the artifact layout: atomic directory replacement and the {@code manifest.json} of
 * SHA-256 checksums that seals an artifact's files.
 */
final class ArtifactFiles {

    /** The checksum manifest's file name. */
    static final String MANIFEST = "manifest.json";

    private ArtifactFiles() {}

    /**
     * Creates an empty temporary directory beside {@code target}, on the same file system, for an atomic rename;
     * it is readable by other users, as the artifact it becomes must be.
     *
     * @param target the directory to be replaced
     * @return the temporary directory
     * @throws IOException if it cannot be created
     */
    static Path temporarySibling(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path dir = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            // Owner-only (createTempDirectory's default) would pass on to the artifact, but zoos are shared.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }

    /**
     * Moves a finished temporary directory into place, replacing any previous directory of that name; a crash
     * leaves either the old or the new directory (or the old one under {@code .old}), never a half-written one.
     *
     * @param temporary the finished directory
     * @param target where it belongs
     * @throws IOException if a move fails
     */
    static void replace(Path temporary, Path target) throws IOException {
        Path old = target.resolveSibling("." + target.getFileName() + ".old");
        deleteRecursively(old);
        if (Files.exists(target)) {
            Files.move(target, old);
        }
        Files.move(temporary, target);
        deleteRecursively(old);
    }

    /**
     * Deletes a file or directory tree if it exists.
     *
     * @param path the path
     * @throws IOException if deleting fails
     */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Writes the manifest of every regular file in the directory.
     *
     * @param dir the artifact directory
     * @throws IOException if reading or writing fails
     */
    static void writeManifest(Path dir) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        for (Path file : listFiles(dir)) {
            if (!file.getFileName().toString().equals(MANIFEST)) {
                sums.put(file.getFileName().toString(), sha256(file));
            }
        }
        Files.writeString(dir.resolve(MANIFEST), ConfigJson.GSON.toJson(sums), StandardCharsets.UTF_8);
    }

    /**
     * Reads the manifest: file name to SHA-256.
     *
     * @param dir the artifact directory
     * @return the checksums
     * @throws ArtifactFormatException if the manifest is missing or malformed, or lists a name that is absolute,
     *     holds {@code ..} or a separator (so no entry can reach outside the artifact)
     */
    static Map<String, String> readManifest(Path dir) throws IOException {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new ArtifactFormatException(file, "missing; every artifact lists its files' SHA-256 there");
        }
        try {
            Map<String, String> sums = ConfigJson.GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8),
                    new TypeToken<TreeMap<String, String>>() {}.getType());
            if (sums == null || sums.isEmpty()) {
                throw new ArtifactFormatException(file, "empty; expected a JSON object of file name to SHA-256");
            }
            for (String name : sums.keySet()) {
                requirePlainName(dir, name);
            }
            return sums;
        } catch (JsonParseException e) {
            throw new ArtifactFormatException(file, "not a JSON object of file name to SHA-256: " + e.getMessage(),
                    e);
        }
    }

    private static void requirePlainName(Path dir, String name) throws ArtifactFormatException {
        Path manifest = dir.resolve(ArtifactFiles.MANIFEST);
        if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || Path.of(name).isAbsolute()) {
            throw new ArtifactFormatException(manifest, "lists the absolute path '" + name
                    + "'; entries are file names inside the artifact");
        }
        if (name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")) {
            throw new ArtifactFormatException(manifest, "lists '" + name + "', which "
                    + (name.contains("..") ? "contains '..'" : "is not a plain file name")
                    + "; entries are file names directly inside the artifact");
        }
    }

    /**
     * Returns the regular files directly in a directory, sorted by name.
     *
     * @param dir the directory
     * @return the files
     * @throws IOException if listing fails
     */
    static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /**
     * Returns a file's SHA-256 in lower-case hex.
     *
     * @param file the file
     * @return the checksum
     * @throws IOException if reading fails
     */
    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    /**
     * Returns a stream's SHA-256 in lower-case hex, reading it to the end.
     *
     * @param in the stream
     * @return the checksum
     * @throws IOException if reading fails
     */
    static String sha256(InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
        try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
