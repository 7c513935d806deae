package io.parallellmu.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.parallellmu.models.LmuConfig;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.nn.Nonlinearity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The bad-artifact matrix: each row damages a sound artifact in one way, then loads it by path, by id from the zoo
 * directory, and publishes it. Every path must refuse it with a message holding the row's words, before DJL reads
 * it: a class the artifact brings never runs (it would write a marker file), and the zoo directory stays empty.
 */
class ArtifactVerificationTest {

    private static final String ID = "tiny-pixels";
    private static final String EVIL = "plmuprobe.Payload";

    @TempDir Path temp;
    private Path artifact;
    private Path marker;
    private Path zoo;
    private String previousZoo;

    /** One way to damage an artifact. */
    interface Damage {
        void apply(Path artifact, Path marker, Path temp) throws Exception;
    }

    @BeforeEach
    void writeArtifact() throws IOException {
        previousZoo = System.getProperty(ZooDirectory.PROPERTY);
        zoo = temp.resolve("zoo");
        System.setProperty(ZooDirectory.PROPERTY, zoo.toString());
        marker = temp.resolve("payload-ran");
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = ZooFixtures.initialised(ZooFixtures.pixelConfig(), manager, 20);
            artifact = ZooFixtures.writePixelModel(temp.resolve("made").resolve(ID), block).directory();
        }
    }

    @AfterEach
    void restoreZooDirectory() {
        ZooFixtures.restoreZooDirectory(previousZoo);
    }

    static Stream<Arguments> damages() {
        return Stream.of(
                row("classes/ folder with a payload named as blockFactory", "folder",
                        (dir, marker, temp) -> {
                            compilePayload(dir.resolve("classes"), marker);
                            setServing(dir, "blockFactory", EVIL);
                        }),
                row("blockFactory naming another class, manifest resealed", "blockFactory",
                        (dir, marker, temp) -> setServing(dir, "blockFactory", "ai.djl.nn.IdentityBlockFactory")),
                row("translatorFactory naming another class, manifest resealed", "translatorFactory",
                        (dir, marker, temp) -> setServing(dir, "translatorFactory", EVIL)),
                row("an extra serving.properties key, manifest resealed", "unexpected key",
                        (dir, marker, temp) -> setServing(dir, "option.mapLocation", "true")),
                row("a file the manifest does not list", "not listed",
                        (dir, marker, temp) -> Files.writeString(dir.resolve("extra.txt"), "x")),
                row("a jar in libs/", "folder",
                        (dir, marker, temp) -> {
                            Files.createDirectories(dir.resolve("libs"));
                            Files.writeString(dir.resolve("libs").resolve("payload.jar"), "PK");
                        }),
                row("a manifest entry with an absolute path", "absolute",
                        (dir, marker, temp) -> addManifestEntry(dir, "/etc/hostname")),
                row("a manifest entry with '..'", "'..'",
                        (dir, marker, temp) -> addManifestEntry(dir, "../made-secret")),
                row("a listed file that links outside the artifact", "symbolic link",
                        (dir, marker, temp) -> {
                            Path outside = Files.writeString(temp.resolve("outside.txt"), "secret");
                            Files.delete(dir.resolve(ModelArtifact.CARD));
                            Files.createSymbolicLink(dir.resolve(ModelArtifact.CARD), outside);
                        }),
                row("a damaged parameter file", "damaged",
                        (dir, marker, temp) -> flipLastByte(dir.resolve(ID + "-0000.params"))),
                row("a config naming another artifact, manifest resealed", "must agree",
                        (dir, marker, temp) -> {
                            Path config = dir.resolve(ModelArtifact.CONFIG);
                            Files.writeString(config, Files.readString(config).replace("\"" + ID + "\"", "\"other\""));
                            reseal(dir);
                        }));
    }

    private static Arguments row(String name, String words, Damage damage) {
        return Arguments.of(name, words, damage);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void everyLoadingPathAndPublishRefuseIt(String name, String words, Damage damage) throws Exception {
        damage.apply(artifact, marker, temp);

        ArtifactFormatException byPath = assertThrows(ArtifactFormatException.class,
                () -> PlmuModelZoo.loadModel(criteria().optModelPath(artifact).build()).close());
        assertTrue(byPath.getMessage().contains(words), byPath.getMessage());

        StringWriter err = new StringWriter();
        int status = new CommandLine(new PublishCommand()).setErr(new PrintWriter(err))
                .execute(artifact.toString(), "--zoo", zoo.toString());
        assertEquals(1, status, err.toString());
        assertTrue(err.toString().contains(words), err.toString());
        assertFalse(Files.exists(zoo.resolve(ID)), "nothing was published");

        copyInto(artifact, zoo.resolve(ID));
        ArtifactFormatException byId = assertThrows(ArtifactFormatException.class,
                () -> PlmuModelZoo.loadModel(criteria().optGroupId(PlmuModelZoo.GROUP_ID).optArtifactId(ID).build())
                        .close());
        assertTrue(byId.getMessage().contains(words), byId.getMessage());
        assertFalse(Files.exists(marker), "the artifact's own class ran");
    }

    @Test
    void publishRefusesParametersThatDoNotFitTheConfig() throws Exception {
        Path config = artifact.resolve(ModelArtifact.CONFIG);
        ModelConfig bigger = ModelConfig.of(ZooFixtures.pixelConfig().task(),
                new LmuConfig(12, 20, 6, 1, 1, 0f, Nonlinearity.RELU));
        JsonObject object = JsonParser.parseString(Files.readString(config)).getAsJsonObject();
        object.add("model", ConfigJson.GSON.toJsonTree(bigger));
        Files.writeString(config, ConfigJson.GSON.toJson(object));
        reseal(artifact);
        StringWriter err = new StringWriter();
        int status = new CommandLine(new PublishCommand()).setErr(new PrintWriter(err))
                .execute(artifact.toString(), "--zoo", zoo.toString());
        assertEquals(1, status, err.toString());
        assertTrue(err.toString().contains(ID + "-0000.params"), err.toString());
        assertFalse(Files.exists(zoo.resolve(ID)), "nothing was published");
    }

    @Test
    void aLinkToAnArtifactIsPublishedAsItsTarget() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("link-to-it"), artifact);
        ModelArtifact published = ZooPublisher.publish(link, zoo, false);
        assertEquals(ID, published.id());
        try (ZooModel<float[], Classifications> model = PlmuModelZoo.loadModel(
                criteria().optGroupId(PlmuModelZoo.GROUP_ID).optArtifactId(ID).build())) {
            assertEquals(ID, model.getName());
        }
    }

    @Test
    void writtenAndPublishedArtifactsAreReadableByOtherUsers() throws Exception {
        Path published = ZooPublisher.publish(artifact, zoo, false).directory();
        for (Path dir : List.of(artifact, published)) {
            assertTrue(Files.getPosixFilePermissions(dir).containsAll(
                    Set.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE)),
                    dir + " must not be owner-only: " + Files.getPosixFilePermissions(dir));
        }
    }

    @Test
    void aSoundArtifactLoadsByPathWithoutNamingATranslator() throws Exception {
        try (ZooModel<float[], Classifications> model = PlmuModelZoo.loadModel(
                criteria().optModelPath(artifact).build())) {
            assertEquals(ID, model.getName());
        }
    }

    private static Criteria.Builder<float[], Classifications> criteria() {
        return Criteria.builder().setTypes(float[].class, Classifications.class).optEngine("PyTorch");
    }

    private static void setServing(Path dir, String key, String value) throws IOException {
        Path serving = dir.resolve(ModelArtifact.SERVING);
        StringBuilder text = new StringBuilder();
        boolean replaced = false;
        for (String line : Files.readAllLines(serving)) {
            if (line.startsWith(key + "=")) {
                line = key + "=" + value;
                replaced = true;
            }
            text.append(line).append('\n');
        }
        if (!replaced) {
            text.append(key).append('=').append(value).append('\n');
        }
        Files.writeString(serving, text);
        reseal(dir);
    }

    /** Rewrites the manifest to match the files, as an attacker would. */
    private static void reseal(Path dir) throws IOException {
        ArtifactFiles.writeManifest(dir);
    }

    private static void addManifestEntry(Path dir, String entry) throws IOException {
        Map<String, String> sums = new TreeMap<>(ArtifactFiles.readManifest(dir));
        sums.put(entry, "0".repeat(64));
        Files.writeString(dir.resolve(ArtifactFiles.MANIFEST), ConfigJson.GSON.toJson(sums));
    }

    private static void flipLastByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
    }

    private static void copyInto(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (Files.isSymbolicLink(source)) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(source));
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** Compiles a class whose static initialiser writes the marker, into {@code classes/}. */
    private static void compilePayload(Path classes, Path marker) throws IOException {
        Path source = classes.resolveSibling("src").resolve("plmuprobe").resolve("Payload.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package plmuprobe;\npublic class Payload {\n  static {\n    try {\n"
                + "      java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + marker.toString().replace("\\", "\\\\") + "\"), \"ran\");\n"
                + "    } catch (java.io.IOException e) {\n      throw new RuntimeException(e);\n    }\n  }\n}\n",
                StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), source.toString());
        assertEquals(0, status, "the payload compiles");
        ArtifactFiles.deleteRecursively(source.getParent().getParent());
        assertTrue(Files.isRegularFile(classes.resolve("plmuprobe").resolve("Payload.class")));
    }
}
