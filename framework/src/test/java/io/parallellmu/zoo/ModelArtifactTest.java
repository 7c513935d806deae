package io.parallellmu.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.inference.Predictor;
import io.parallellmu.models.TaskModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing an artifact and reading it back, directly and through DJL's {@code Criteria}. */
class ModelArtifactTest {

    @TempDir Path temp;

    @Test
    void writesEveryFileAndReadsBackTheSameDescription() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = ZooFixtures.initialised(ZooFixtures.pixelConfig(), manager, 20);
            Path dir = temp.resolve("tiny-pixels");
            ModelArtifact written = ZooFixtures.writePixelModel(dir, block);
            try (Stream<Path> files = Files.list(temp)) {
                assertEquals(List.of(dir), files.toList(), "no temporary directory is left beside the artifact");
            }
            for (String file : List.of("tiny-pixels-0000.params", ModelArtifact.SERVING, ModelArtifact.CONFIG,
                    ModelArtifact.TASK, ModelArtifact.PERMUTATION, ModelArtifact.CARD, "manifest.json")) {
                assertTrue(Files.isRegularFile(dir.resolve(file)), file);
            }
            ModelArtifact read = ModelArtifact.read(dir);
            assertEquals(ZooFixtures.pixelConfig(), read.config());
            assertEquals(written.task(), read.task());
            assertArrayEquals(ZooFixtures.permutation(), read.task(PermutedPixels.class).permutation());
            IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                    () -> read.task(Forecast.class));
            assertEquals("tiny-pixels holds PERMUTED_PIXELS metadata (PermutedPixels), not Forecast",
                    other.getMessage());
            assertEquals("LMU", read.card().family());
            assertEquals(TaskModels.countParameters(block), read.card().parameterCount());
            assertEquals(written.card(), read.card());
        }
    }

    @Test
    void loadedBlockAndCriteriaByPathGiveTheSameProbabilities() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = ZooFixtures.initialised(ZooFixtures.pixelConfig(), manager, 20);
            Path dir = temp.resolve("tiny-pixels");
            ZooFixtures.writePixelModel(dir, block);
            float[][] images = ZooFixtures.images(3, 5);
            Block loaded = ModelArtifact.read(dir).loadBlock(manager);
            Criteria<float[], Classifications> criteria = Criteria.builder()
                    .setTypes(float[].class, Classifications.class)
                    .optModelPath(dir)
                    .optTranslatorFactory(new ZooTranslatorFactory())
                    .optEngine("PyTorch")
                    .build();
            try (ZooModel<float[], Classifications> model = criteria.loadModel();
                    Predictor<float[], Classifications> predictor = model.newPredictor()) {
                for (float[] image : images) {
                    float[] expected = ZooFixtures.probabilities(block, manager, image);
                    assertArrayEquals(expected, ZooFixtures.probabilities(loaded, manager, image), 1e-6f);
                    Classifications result = predictor.predict(image);
                    for (int c = 0; c < expected.length; c++) {
                        assertEquals(expected[c], result.get(ZooFixtures.LABELS.get(c)).getProbability(), 1e-6);
                    }
                }
            }
        }
    }
}
