package io.parallellmu.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifacts shipped inside a jar are unpacked, checked, into the zoo directory, once per manifest version. */
class ShippedArtifactsTest {

    @TempDir Path temp;

    private Path jarWith(Path artifact, String index, String damagedFile) throws IOException {
        Path jar = temp.resolve("models.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(ShippedArtifacts.ROOT + "index.txt"));
            out.write(index.getBytes(StandardCharsets.UTF_8));
            for (Path file : ArtifactFiles.listFiles(artifact)) {
                String name = file.getFileName().toString();
                out.putNextEntry(new JarEntry(ShippedArtifacts.ROOT + artifact.getFileName() + "/" + name));
                byte[] bytes = Files.readAllBytes(file);
                if (name.equals(damagedFile)) {
                    bytes[bytes.length / 2] ^= 1;
                }
                out.write(bytes);
            }
        }
        return jar;
    }

    private Path tinyArtifact() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            return ZooFixtures.writePixelModel(temp.resolve("src").resolve("tiny-pixels"),
                    ZooFixtures.initialised(ZooFixtures.pixelConfig(), manager, 20)).directory();
        }
    }

    @Test
    void jarArtifactIsUnpackedIntoTheZooAndReadsBack() throws Exception {
        Path artifact = tinyArtifact();
        Path jar = jarWith(artifact, "# comment\ntiny-pixels\n", null);
        Path zoo = temp.resolve("zoo");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Map<String, Path> found = ShippedArtifacts.list(zoo, loader);
            assertEquals(Set.of("tiny-pixels"), found.keySet());
            Path unpacked = found.get("tiny-pixels");
            assertTrue(unpacked.startsWith(zoo.resolve(".shipped")), unpacked.toString());
            assertEquals(ModelArtifact.read(artifact).config(), ModelArtifact.read(unpacked).config());
            long modified = Files.getLastModifiedTime(unpacked.resolve(ModelArtifact.CONFIG)).toMillis();
            assertEquals(unpacked, ShippedArtifacts.list(zoo, loader).get("tiny-pixels"), "unpacked only once");
            assertEquals(modified, Files.getLastModifiedTime(unpacked.resolve(ModelArtifact.CONFIG)).toMillis());
        }
    }

    @Test
    void damagedJarEntryIsNotUnpacked() throws Exception {
        Path artifact = tinyArtifact();
        Path jar = jarWith(artifact, "tiny-pixels\n", "tiny-pixels-0000.params");
        Path zoo = temp.resolve("zoo");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> ShippedArtifacts.list(zoo, loader));
            assertTrue(e.getCause().getMessage().contains("tiny-pixels-0000.params: damaged"),
                    e.getCause().getMessage());
            try (var left = Files.walk(zoo.resolve(".shipped"))) {
                assertTrue(left.noneMatch(p -> p.getFileName().toString().equals("config.json")),
                        "nothing half-unpacked is left");
            }
        }
    }
}
