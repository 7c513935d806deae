package io.parallellmu.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each {@link TaskMetadata} record through {@code task.json} and its data files: written and read back equal, with
 * only its own fields; a missing or mistyped field refused with the file and the field named; and the flat files
 * that format version 2 wrote for every kind (all seventeen fields) still read.
 */
class TaskMetadataJsonTest {

    private static final int[] PIXELS = {3, 1, 0, 2, 5, 4, 7, 6, 8, 11, 10, 9, 15, 14, 13, 12};
    private static final int[] CELLS = {2, 0, 3, 1};
    private static final List<String> WORDS = List.of("<pad>", "<unk>", "a", "film", "good");

    @TempDir Path dir;

    /** One of each kind, and the variants a kind's files differ by. */
    static Stream<TaskMetadata> samples() {
        return Stream.of(
                TaskMetadata.permutedPixels(4, 4, PIXELS, 7, List.of("a", "b")),
                TaskMetadata.pooledPixels(4, 4, PIXELS, 7, 2, CELLS, List.of("a", "b", "c")),
                TaskMetadata.forecast(15, false, 0.9f, 0.25f),
                TaskMetadata.forecast(15, true, -0.066f, 1f),
                TaskMetadata.textClassification(WORDS, List.of("negative", "positive"),
                        "ai.djl.modality.nlp.preprocess.SimpleTokenizer", true, 1, 400),
                TaskMetadata.textPairClassification(WORDS, List.of("entailment", "neutral", "contradiction"),
                        "io.parallellmu.text.WordTokenizer", true, 1, 40),
                TaskMetadata.translation(WORDS, List.of("<pad>", "<unk>", "<bos>", "<eos>", "xin"),
                        "io.parallellmu.text.EntityWordTokenizer", false, 1, 12, 2, 3, 4, 1f),
                TaskMetadata.characterModel(List.of(" ", "a", "b"), true, 0),
                TaskMetadata.sequence(WORDS, List.of("x", "y")),
                TaskMetadata.sequence());
    }

    /** The fields each kind writes into task.json, besides "kind". */
    private static final Map<String, Set<String>> OWN_FIELDS = Map.of(
            "PERMUTED_PIXELS", Set.of("labels", "imageHeight", "imageWidth", "permutationSeed", "poolSize"),
            "FORECAST", Set.of("horizon", "squashed", "inputMean", "inputStd"),
            "TEXT_CLASSIFICATION", Set.of("labels", "tokenizer", "lowerCase", "unknownId", "maxLength"),
            "TEXT_PAIR_CLASSIFICATION", Set.of("labels", "tokenizer", "lowerCase", "unknownId", "maxLength"),
            "TRANSLATION", Set.of("tokenizer", "lowerCase", "unknownId", "maxLength", "beginId", "endId",
                    "beamWidth", "lengthPenalty"),
            "CHARACTER_MODEL", Set.of("lowerCase", "unknownId"),
            "SEQUENCE", Set.of());

    @ParameterizedTest
    @MethodSource("samples")
    void everyKindReadsBackEqualFromOnlyItsOwnFields(TaskMetadata task) throws IOException {
        MetadataWriter.write(dir, task);
        JsonObject json = taskJson();
        assertEquals(task.kind().name(), json.get("kind").getAsString());
        Set<String> fields = json.keySet().stream().filter(f -> !f.equals("kind")).collect(Collectors.toSet());
        assertEquals(OWN_FIELDS.get(task.kind().name()), fields, "task.json holds the kind's own fields only");
        assertEquals(task, MetadataReader.read(dir));
    }

    @Test
    void everyPermittedRecordHasOneKindAndTheSamplesCoverThemAll() {
        Set<Class<?>> permitted = Set.of(TaskMetadata.class.getPermittedSubclasses());
        assertEquals(permitted, samples().map(Object::getClass).collect(Collectors.toSet()));
        assertEquals(Set.copyOf(MetadataKind.all()), samples().map(TaskMetadata::kind).collect(Collectors.toSet()));
        assertEquals(permitted.size(), MetadataKind.all().stream().map(MetadataKind::name).distinct().count(),
                "one name per kind");
        assertEquals(OWN_FIELDS.keySet(), MetadataKind.all().stream().map(MetadataKind::name)
                .collect(Collectors.toSet()), "the names written artifacts use");
    }

    /** Each field a kind requires, with a sample of that kind (poolSize and squashed are optional). */
    static Stream<Arguments> requiredFields() {
        return samples().limit(8).flatMap(task -> OWN_FIELDS.get(task.kind().name()).stream()
                .filter(field -> !field.equals("poolSize") && !field.equals("squashed"))
                .map(field -> Arguments.of(task, field)));
    }

    @ParameterizedTest
    @MethodSource("requiredFields")
    void aMissingRequiredFieldIsRefusedNamingTheFileAndTheField(TaskMetadata task, String field) throws IOException {
        MetadataWriter.write(dir, task);
        rewrite(json -> json.remove(field));
        ArtifactFormatException e = assertThrows(ArtifactFormatException.class, () -> MetadataReader.read(dir));
        assertEquals(dir.resolve(ModelArtifact.TASK), e.getFile());
        assertTrue(e.getMessage().contains("lacks the field \"" + field + "\", which " + task.kind().name()
                + " metadata requires"), e.getMessage());
    }

    @Test
    void aMissingOrUnknownKindIsRefusedListingTheKinds() throws IOException {
        MetadataWriter.write(dir, TaskMetadata.forecast(1, false, 0f, 1f));
        rewrite(json -> json.addProperty("kind", "AUDIO"));
        ArtifactFormatException unknown = assertThrows(ArtifactFormatException.class, () -> MetadataReader.read(dir));
        assertTrue(unknown.getMessage().contains("\"kind\" is \"AUDIO\"; expected one of [PERMUTED_PIXELS, FORECAST,"
                + " TEXT_CLASSIFICATION, TEXT_PAIR_CLASSIFICATION, TRANSLATION, CHARACTER_MODEL, SEQUENCE]"), unknown.getMessage());
        rewrite(json -> json.remove("kind"));
        ArtifactFormatException missing = assertThrows(ArtifactFormatException.class, () -> MetadataReader.read(dir));
        assertTrue(missing.getMessage().contains("lacks the field \"kind\""), missing.getMessage());
    }

    @Test
    void aMistypedOrInvalidFieldIsNamed() throws IOException {
        MetadataWriter.write(dir, TaskMetadata.forecast(15, false, 0.9f, 0.25f));
        rewrite(json -> json.addProperty("horizon", "soon"));
        ArtifactFormatException mistyped = assertThrows(ArtifactFormatException.class, () -> MetadataReader.read(dir));
        assertTrue(mistyped.getMessage().contains("field \"horizon\" is \"soon\"; FORECAST metadata needs an integer"),
                mistyped.getMessage());
        rewrite(json -> json.addProperty("horizon", 1.5));
        assertThrows(ArtifactFormatException.class, () -> MetadataReader.read(dir), "a fraction is no horizon");
        rewrite(json -> json.addProperty("horizon", 0));
        ArtifactFormatException invalid = assertThrows(ArtifactFormatException.class, () -> MetadataReader.read(dir));
        assertTrue(invalid.getMessage().contains("holds invalid FORECAST metadata: horizon must be at least 1, got 0"),
                invalid.getMessage());
    }

    @Test
    void aMissingOrDamagedDataFileIsNamed() throws IOException {
        MetadataWriter.write(dir, samples().skip(1).findFirst().orElseThrow());
        Files.writeString(dir.resolve(ModelArtifact.CELL_PERMUTATION), "0 1 1 2\n");
        ArtifactFormatException damaged = assertThrows(ArtifactFormatException.class, () -> MetadataReader.read(dir));
        assertEquals(dir.resolve(ModelArtifact.CELL_PERMUTATION), damaged.getFile());
        assertTrue(damaged.getMessage().contains("not a permutation of 0..3"), damaged.getMessage());
        Files.writeString(dir.resolve(ModelArtifact.CELL_PERMUTATION), "2 0 3 1\n");
        assertEquals(samples().skip(1).findFirst().orElseThrow(), MetadataReader.read(dir), "repaired");
        Files.delete(dir.resolve(ModelArtifact.PERMUTATION));
        ArtifactFormatException missing = assertThrows(ArtifactFormatException.class, () -> MetadataReader.read(dir));
        assertEquals(dir.resolve(ModelArtifact.PERMUTATION), missing.getFile());
        assertTrue(missing.getMessage().contains("missing; a PERMUTED_PIXELS model holds"), missing.getMessage());
    }

    @Test
    void aTokenWithALineBreakIsRefusedNamingItsFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetadataWriter.write(dir, TaskMetadata.sequence(List.of("a", "b\nc"), null)));
        assertEquals("token 1 holds a line break, which vocabulary.txt (one token per line) cannot store",
                e.getMessage());
    }

    @Test
    void filesOfFormatVersionTwoWithEveryKindsFieldsStillRead() throws IOException {
        // as the single metadata class wrote them: every field of every kind, the unused ones zero
        String common = "\"imageHeight\": 0, \"imageWidth\": 0, \"permutationSeed\": 0, \"poolSize\": 1,"
                + " \"inputMean\": 0.0, \"inputStd\": 1.0, \"horizon\": 0, \"lowerCase\": false, \"unknownId\": 0,"
                + " \"maxLength\": 0";
        writeTaskJson("{\"kind\": \"FORECAST\", \"labels\": [], \"imageHeight\": 0, \"imageWidth\": 0,"
                + " \"permutationSeed\": 0, \"poolSize\": 1, \"inputMean\": 0.9, \"inputStd\": 1.0, \"horizon\": 15,"
                + " \"lowerCase\": false, \"unknownId\": 0, \"maxLength\": 0}");
        assertEquals(TaskMetadata.forecast(15, false, 0.9f, 1f), MetadataReader.read(dir));

        writeTaskJson("{\"kind\": \"TEXT_CLASSIFICATION\", \"labels\": [\"negative\", \"positive\"], \"imageHeight\": 0,"
                + " \"imageWidth\": 0, \"permutationSeed\": 0, \"poolSize\": 1, \"inputMean\": 0.0, \"inputStd\": 1.0,"
                + " \"horizon\": 0, \"tokenizer\": \"T\", \"lowerCase\": true, \"unknownId\": 1, \"maxLength\": 400}");
        Files.writeString(dir.resolve(ModelArtifact.VOCABULARY), String.join("\n", WORDS) + "\n");
        assertEquals(TaskMetadata.textClassification(WORDS, List.of("negative", "positive"), "T", true, 1, 400),
                MetadataReader.read(dir));

        writeTaskJson("{\"kind\": \"SEQUENCE\", \"labels\": [], " + common + "}");
        assertEquals(TaskMetadata.sequence(WORDS, null), MetadataReader.read(dir));

        // before pooling existed, pixel models stored no pool size
        writeTaskJson("{\"kind\": \"PERMUTED_PIXELS\", \"labels\": [\"a\", \"b\"], \"imageHeight\": 4,"
                + " \"imageWidth\": 4, \"permutationSeed\": 7, \"inputMean\": 0.0, \"inputStd\": 1.0,"
                + " \"horizon\": 0, \"lowerCase\": false, \"unknownId\": 0, \"maxLength\": 0}");
        Files.writeString(dir.resolve(ModelArtifact.PERMUTATION), Stream.of(3, 1, 0, 2, 5, 4, 7, 6, 8, 11, 10, 9, 15,
                14, 13, 12).map(String::valueOf).collect(Collectors.joining(" ")) + "\n");
        PermutedPixels read = (PermutedPixels) MetadataReader.read(dir);
        assertEquals(TaskMetadata.permutedPixels(4, 4, PIXELS, 7, List.of("a", "b")), read);
        assertEquals(1, read.poolSize());
        assertNull(read.pooling());
    }

    private void writeTaskJson(String json) throws IOException {
        Files.writeString(dir.resolve(ModelArtifact.TASK), json, StandardCharsets.UTF_8);
    }

    private JsonObject taskJson() throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve(ModelArtifact.TASK))).getAsJsonObject();
    }

    private void rewrite(Consumer<JsonObject> change) throws IOException {
        JsonObject json = taskJson();
        change.accept(json);
        writeTaskJson(json.toString());
    }
}
