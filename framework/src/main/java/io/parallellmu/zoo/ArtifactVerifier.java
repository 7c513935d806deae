package io.parallellmu.zoo;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Seals an artifact directory before DJL or any other code reads it. DJL reads {@code serving.properties} first and
 * loads whatever {@code blockFactory} or {@code translatorFactory} it names, from the class path or from a
 * {@code classes/} or {@code libs/} folder in the directory; so an artifact must hold exactly the files its
 * {@code manifest.json} lists (plain names, no folders, no links), each with its checksum, and its
 * {@code serving.properties} must name this project's factories and nothing else.
 */
final class ArtifactVerifier {

    /** The only keys of {@code serving.properties}, with the fixed values of those that name code or the engine. */
    private static final Map<String, String> FIXED = Map.of(
            "engine", "PyTorch",
            "blockFactory", ArtifactBlockFactory.class.getName(),
            "translatorFactory", ZooTranslatorFactory.class.getName(),
            "option.hasParameter", "false",
            "plmu.formatVersion", Integer.toString(ModelArtifact.FORMAT_VERSION));
    private static final Set<String> FREE = Set.of("application");

    private ArtifactVerifier() {}

    /**
     * Checks an artifact directory: every entry is a regular file listed in the manifest with a matching checksum,
     * every listed file is there, and {@code serving.properties} names only the project's factories.
     *
     * @param dir the artifact directory (a link to one is followed once, here)
     * @return the directory's real path, which the caller should use from then on
     * @throws ArtifactFormatException naming the first file or entry at fault
     * @throws IOException if reading fails
     */
    static Path verify(Path dir) throws IOException {
        Path real = realDirectory(dir);
        Map<String, String> sums = ArtifactFiles.readManifest(real);
        for (Path entry : entries(real)) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                throw new ArtifactFormatException(entry, "a folder inside the artifact; an artifact holds only the"
                        + " files its " + ArtifactFiles.MANIFEST + " lists, and no folders (DJL would load code from"
                        + " classes/ or libs/)");
            }
            if (!name.equals(ArtifactFiles.MANIFEST) && !sums.containsKey(name)) {
                throw new ArtifactFormatException(entry, "not listed in " + ArtifactFiles.MANIFEST
                        + "; an artifact holds only the files its manifest lists");
            }
        }
        for (Map.Entry<String, String> sum : sums.entrySet()) {
            Path file = real.resolve(sum.getKey());
            if (Files.isSymbolicLink(file)) {
                throw new ArtifactFormatException(file, "a symbolic link; artifact files must be regular files inside"
                        + " the artifact");
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new ArtifactFormatException(file, "missing; " + ArtifactFiles.MANIFEST + " lists it");
            }
            String actual = ArtifactFiles.sha256(file);
            if (!actual.equals(sum.getValue())) {
                throw new ArtifactFormatException(file, "damaged: its SHA-256 is " + actual + " but "
                        + ArtifactFiles.MANIFEST + " expects " + sum.getValue() + " (" + Files.size(file)
                        + " bytes on disk)");
            }
        }
        checkServing(real.resolve(ModelArtifact.SERVING));
        return real;
    }

    /**
     * Returns an artifact directory's real path, following a link to it.
     *
     * @param dir the artifact directory
     * @return its real path
     * @throws ArtifactFormatException if it is not a directory
     * @throws IOException if resolving fails
     */
    static Path realDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new ArtifactFormatException(dir, "not a directory; an artifact is a directory holding "
                    + ModelArtifact.CONFIG + ", " + ModelArtifact.SERVING + " and the parameters");
        }
        return dir.toRealPath();
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }

    private static void checkServing(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ArtifactFormatException(file, "missing; every artifact names the project's factories there");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Set<String> keys = new TreeSet<>(properties.stringPropertyNames());
        for (String key : keys) {
            String value = properties.getProperty(key).strip();
            if (FIXED.containsKey(key) && !FIXED.get(key).equals(value)) {
                throw new ArtifactFormatException(file, key + "=" + value + "; a zoo artifact must have " + key + "="
                        + FIXED.get(key) + " (the project's own code), nothing else");
            }
            if (!FIXED.containsKey(key) && !FREE.contains(key)) {
                throw new ArtifactFormatException(file, "unexpected key '" + key + "'; a zoo artifact's "
                        + ModelArtifact.SERVING + " holds only " + new TreeSet<>(FIXED.keySet()) + " and " + FREE);
            }
        }
        for (String key : FIXED.keySet()) {
            if (!keys.contains(key)) {
                throw new ArtifactFormatException(file, "lacks " + key + "=" + FIXED.get(key));
            }
        }
    }
}
