package io.parallellmu.zoo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Artifacts shipped on the class path, under {@value #ROOT}: each jar lists its artifact ids in
 * {@value #ROOT}{@code index.txt}, one per line, and holds each artifact's files in {@value #ROOT}{@code <id>/}
 * (their names come from the artifact's {@code manifest.json}). From a directory on the class path the files are
 * used in place; from a jar they are copied, checked against the manifest, into {@code <zoo>/.shipped/}, once per
 * manifest version.
 */
final class ShippedArtifacts {

    /** The resource folder of shipped artifacts. */
    static final String ROOT = "io/parallellmu/zoo/shipped/";

    private ShippedArtifacts() {}

    /**
     * Returns the shipped artifacts by id, each as a directory on disk.
     *
     * @param zoo the zoo directory, under which jar-shipped artifacts are unpacked
     * @return the directories by id, in class-path order (the first jar to list an id wins)
     */
    static Map<String, Path> list(Path zoo) {
        return list(zoo, ShippedArtifacts.class.getClassLoader());
    }

    /**
     * Returns the artifacts shipped on one class loader's path.
     *
     * @param zoo the zoo directory, under which jar-shipped artifacts are unpacked
     * @param loader the class loader whose resources to list
     * @return the directories by id
     */
    static Map<String, Path> list(Path zoo, ClassLoader loader) {
        Map<String, Path> found = new LinkedHashMap<>();
        try {
            for (URL index : Collections.list(loader.getResources(ROOT + "index.txt"))) {
                for (String id : readLines(index)) {
                    if (!found.containsKey(id)) {
                        found.put(id, locate(index, id, zoo));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped zoo artifacts from the class path", e);
        }
        return found;
    }

    private static Path locate(URL index, String id, Path zoo) throws IOException {
        URL manifest = new URL(index, id + "/" + ArtifactFiles.MANIFEST);
        if ("file".equals(manifest.getProtocol())) {
            try {
                return Paths.get(manifest.toURI()).getParent();
            } catch (URISyntaxException e) {
                throw new IOException("bad class-path location " + manifest, e);
            }
        }
        String manifestSum;
        try (InputStream in = manifest.openStream()) {
            manifestSum = ArtifactFiles.sha256(in);
        }
        Path target = zoo.resolve(".shipped").resolve(id + "-" + manifestSum.substring(0, 12)).resolve(id);
        if (!Files.isDirectory(target)) {
            unpack(manifest, target);
        }
        return target;
    }

    private static void unpack(URL manifest, Path target) throws IOException {
        Path temporary = ArtifactFiles.temporarySibling(target);
        try {
            try (InputStream in = manifest.openStream()) {
                Files.copy(in, temporary.resolve(ArtifactFiles.MANIFEST));
            }
            for (String file : ArtifactFiles.readManifest(temporary).keySet()) {
                try (InputStream in = new URL(manifest, file).openStream()) {
                    Files.copy(in, temporary.resolve(file));
                }
            }
            ArtifactVerifier.verify(temporary);
            ArtifactFiles.replace(temporary, target);
        } finally {
            ArtifactFiles.deleteRecursively(temporary);
        }
    }

    private static List<String> readLines(URL index) throws IOException {
        List<String> ids = new ArrayList<>();
        try (InputStream in = index.openStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }
}
