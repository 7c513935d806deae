package io.parallellmu.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input gets an error that says what is wrong, naming the file or the expected size. */
class BadInputTest {

    @TempDir Path temp;
    private Path artifact;
    private Path params;

    @BeforeEach
    void writeArtifact() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = ZooFixtures.initialised(ZooFixtures.pixelConfig(), manager, 20);
            artifact = ZooFixtures.writePixelModel(temp.resolve("tiny-pixels"), block).directory();
            params = artifact.resolve("tiny-pixels-0000.params");
        }
    }

    private <I> Criteria<I, Classifications> criteria(Class<I> input) {
        return Criteria.builder()
                .setTypes(input, Classifications.class)
                .optModelPath(artifact)
                .optTranslatorFactory(new ZooTranslatorFactory())
                .optEngine("PyTorch")
                .build();
    }

    private static Throwable rootOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    @Test
    void wrongPixelCountAndRangeAndImageSizeAreNamed() throws Exception {
        try (ZooModel<float[], Classifications> model = criteria(float[].class).loadModel();
                Predictor<float[], Classifications> predictor = model.newPredictor()) {
            TranslateException count = assertThrows(TranslateException.class, () -> predictor.predict(new float[19]));
            assertTrue(count.getMessage().contains("tiny-pixels expects 20 pixels (a 4×5 image, row-major, values in"
                    + " [0, 1]), got 19 values"), count.getMessage());
            float[] bright = new float[20];
            Arrays.fill(bright, 255f);
            TranslateException range = assertThrows(TranslateException.class, () -> predictor.predict(bright));
            assertTrue(range.getMessage().contains("pixel values in [0, 1], got 255.0")
                    && range.getMessage().contains("divide 0..255 pixels by 255"), range.getMessage());
        }
        try (ZooModel<ai.djl.modality.cv.Image, Classifications> model = criteria(ai.djl.modality.cv.Image.class)
                        .loadModel();
                Predictor<ai.djl.modality.cv.Image, Classifications> predictor = model.newPredictor()) {
            BufferedImage wrong = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            TranslateException size = assertThrows(TranslateException.class,
                    () -> predictor.predict(ImageFactory.getInstance().fromImage(wrong)));
            assertTrue(size.getMessage().contains("expects a 4×5 image (20 pixels), got 28×28; resize it first"),
                    size.getMessage());
        }
    }

    @Test
    void typesTheArtifactDoesNotTakeAreNamedWithTheOnesItDoes() {
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> criteria(String.class).loadModel());
        assertTrue(rootOf(e).getMessage().contains("tiny-pixels is a PERMUTED_PIXELS model and takes float[] or Image"
                + " → Classifications, not String → Classifications"), rootOf(e).getMessage());
    }

    @Test
    void truncatedParametersAreCaughtByTheirChecksum() throws Exception {
        byte[] bytes = Files.readAllBytes(params);
        Files.write(params, Arrays.copyOf(bytes, bytes.length - 10));
        ArtifactFormatException e = assertThrows(ArtifactFormatException.class, () -> criteria(float[].class)
                .loadModel());
        assertEquals(params, e.getFile());
        assertTrue(e.getMessage().contains("damaged: its SHA-256 is") && e.getMessage().contains("manifest.json"
                + " expects"), e.getMessage());
    }

    @Test
    void truncatedParametersUnderARegeneratedManifestAreCaughtWhileLoading() throws Exception {
        byte[] bytes = Files.readAllBytes(params);
        Files.write(params, Arrays.copyOf(bytes, bytes.length - 10));
        ArtifactFiles.writeManifest(artifact);
        ArtifactFormatException e = assertThrows(ArtifactFormatException.class, () -> criteria(float[].class)
                .loadModel());
        assertTrue(e.getMessage().startsWith(params + ": truncated: the file ends at byte " + (bytes.length - 10)),
                e.getMessage());
    }

    @Test
    void aFileThatIsNotDjlParametersIsNamed() throws Exception {
        Files.writeString(params, "<html>not found</html>", StandardCharsets.UTF_8);
        ArtifactFiles.writeManifest(artifact);
        ArtifactFormatException e = assertThrows(ArtifactFormatException.class,
                () -> ModelArtifact.read(artifact).loadBlock(NDManager.newBaseManager()));
        assertEquals(params + ": not a DJL parameter file: expected the magic \"DJL@\" at byte 0, found \"<htm\"",
                e.getMessage());
    }

    @Test
    void parametersOfAnotherConfigAreNamed() throws Exception {
        Path config = artifact.resolve(ModelArtifact.CONFIG);
        Files.writeString(config, Files.readString(config).replace("\"hiddenSize\": 6", "\"hiddenSize\": 7"));
        ArtifactFiles.writeManifest(artifact);
        ArtifactFormatException e = assertThrows(ArtifactFormatException.class, () -> criteria(float[].class)
                .loadModel());
        assertTrue(e.getMessage().startsWith(params + ": the parameters from byte"), e.getMessage());
        assertTrue(e.getMessage().contains("do not fit the block built from config.json"), e.getMessage());
    }

    @Test
    void configOfAnotherFormatVersionIsNamedWithTheExpectedVersion() throws Exception {
        Path config = artifact.resolve(ModelArtifact.CONFIG);
        Files.writeString(config, Files.readString(config).replace("\"formatVersion\": " + ModelArtifact.FORMAT_VERSION,
                "\"formatVersion\": " + (ModelArtifact.FORMAT_VERSION + 1)));
        ArtifactFormatException e = assertThrows(ArtifactFormatException.class, () -> criteria(float[].class)
                .loadModel());
        assertEquals(config, e.getFile());
        assertTrue(e.getMessage().contains("format version " + (ModelArtifact.FORMAT_VERSION + 1)
                + "; this build reads format version " + ModelArtifact.FORMAT_VERSION), e.getMessage());
    }

    @Test
    void configWithAnUnknownFamilyIsNamed() throws Exception {
        Path config = artifact.resolve(ModelArtifact.CONFIG);
        Files.writeString(config, Files.readString(config).replace("\"family\": \"LMU\"", "\"family\": \"GRU\""));
        ArtifactFormatException e = assertThrows(ArtifactFormatException.class, () -> ModelArtifact.read(artifact));
        assertTrue(e.getMessage().startsWith(config + ": not a valid config of format version "
                + ModelArtifact.FORMAT_VERSION + ": unknown family \"GRU\""), e.getMessage());
    }

    @Test
    void missingDirectoryAndInvalidIdAreNamed() {
        Path missing = temp.resolve("absent");
        ArtifactFormatException e = assertThrows(ArtifactFormatException.class, () -> ModelArtifact.read(missing));
        assertTrue(e.getMessage().startsWith(missing + ": not a directory"), e.getMessage());
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
                () -> ModelArtifact.write(temp.resolve("Bad Name"), null, null, null, null));
        assertTrue(id.getMessage().contains("got 'Bad Name'"), id.getMessage());
    }
}
