package io.parallellmu.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import io.parallellmu.zoo.stream.StreamingPredictor;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The zoo through DJL's Criteria, offline (Surefire sets {@code ai.djl.offline=true}): the shipped model by id,
 * publishing and loading back, and the error for an unknown id.
 */
class PlmuModelZooTest {

    private static final String SHIPPED = "psmnist-lmu-paper-seed1";

    @TempDir Path temp;
    private String previousZoo;

    @BeforeEach
    void useEmptyZooDirectory() {
        previousZoo = System.getProperty(ZooDirectory.PROPERTY);
        System.setProperty(ZooDirectory.PROPERTY, temp.resolve("zoo").toString());
    }

    @AfterEach
    void restoreZooDirectory() {
        ZooFixtures.restoreZooDirectory(previousZoo);
    }

    private static <I, O> Criteria<I, O> byId(Class<I> input, Class<O> output, String id) {
        return PlmuModelZoo.criteria(id, input, output);
    }

    private static float[] digitLike(long seed) {
        Random random = new Random(seed);
        float[] image = new float[784];
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextInt(256) / 255f; // whole grey levels, as an 8-bit image holds them
        }
        return image;
    }

    @Test
    void providerIsRegisteredAndListsTheShippedModel() {
        assertTrue(ModelZoo.getModelZoo(PlmuModelZoo.GROUP_ID) instanceof PlmuModelZoo);
        assertTrue(PlmuModelZoo.availableIds().contains(SHIPPED), PlmuModelZoo.availableIds().toString());
    }

    @Test
    void shippedModelLoadsByIdAndClassifiesArraysImagesAndStreamsAlike() throws Exception {
        float[] pixels = digitLike(1);
        try (ZooModel<float[], Classifications> model = byId(float[].class, Classifications.class, SHIPPED)
                        .loadModel();
                Predictor<float[], Classifications> predictor = model.newPredictor();
                ZooModel<Image, Classifications> imageModel = byId(Image.class, Classifications.class, SHIPPED)
                        .loadModel();
                Predictor<Image, Classifications> imagePredictor = imageModel.newPredictor();
                NDManager manager = NDManager.newBaseManager()) {
            Classifications fromArray = predictor.predict(pixels);
            BufferedImage grey = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            int[] levels = new int[784];
            for (int i = 0; i < levels.length; i++) {
                levels[i] = Math.round(pixels[i] * 255f);
            }
            grey.getRaster().setPixels(0, 0, 28, 28, levels);
            Classifications fromImage = imagePredictor.predict(ImageFactory.getInstance().fromImage(grey));
            assertEquals(fromArray.best().getClassName(), fromImage.best().getClassName());
            for (String label : fromArray.getClassNames()) {
                assertEquals(fromArray.get(label).getProbability(), fromImage.get(label).getProbability(), 1e-6);
            }
            int[] order = ModelArtifact.read(PlmuModelZoo.artifacts().get(SHIPPED)).task(PermutedPixels.class)
                    .permutation();
            float[] streamed;
            try (StreamingPredictor stream = StreamingPredictor.of(model)) {
                streamed = null;
                for (int t = 0; t < order.length; t++) {
                    streamed = stream.step(pixels[order[t]]);
                }
            }
            float[] sequence = new float[order.length];
            for (int t = 0; t < order.length; t++) {
                sequence[t] = pixels[order[t]];
            }
            Block block = model.getBlock();
            float[] logits = block.forward(new ParameterStore(manager, false),
                    new NDList(manager.create(sequence).reshape(1, 784, 1)), false).head().toFloatArray(); // (1, 10)
            // 784 steps of an order-128 memory: the float64 streaming state keeps both forms within 1e-5
            for (int c = 0; c < logits.length; c++) {
                assertEquals(logits[c], streamed[c], 1e-5,
                        "streaming 784 steps equals the parallel model (eq. 25), logit " + c);
            }
            float[] probabilities = manager.create(logits).softmax(-1).toFloatArray();
            for (int c = 0; c < 10; c++) {
                assertEquals(probabilities[c], fromArray.get(Integer.toString(c)).getProbability(), 1e-6);
            }
        }
    }

    @Test
    void publishedArtifactLoadsByIdWithTheInMemoryModelsPredictions() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = ZooFixtures.initialised(ZooFixtures.pixelConfig(), manager, 20);
            Path written = ZooFixtures.writePixelModel(temp.resolve("out").resolve("tiny-pixels"), block).directory();
            StringWriter out = new StringWriter();
            int code = new CommandLine(new PublishCommand()).setOut(new PrintWriter(out))
                    .execute(written.toString());
            assertEquals(0, code);
            assertTrue(out.toString().contains("published tiny-pixels"), out.toString());
            assertTrue(PlmuModelZoo.availableIds().contains("tiny-pixels"));
            try (ZooModel<float[], Classifications> model = PlmuModelZoo.loadModel(
                            byId(float[].class, Classifications.class, "tiny-pixels"));
                    Predictor<float[], Classifications> predictor = model.newPredictor()) {
                for (float[] image : ZooFixtures.images(4, 9)) {
                    float[] expected = ZooFixtures.probabilities(block, manager, image);
                    Classifications result = predictor.predict(image);
                    for (int c = 0; c < expected.length; c++) {
                        assertEquals(expected[c], result.get(ZooFixtures.LABELS.get(c)).getProbability(), 1e-6);
                    }
                }
            }
            assertThrows(FileAlreadyExistsException.class,
                    () -> ZooPublisher.publish(written, ZooDirectory.root(), false));
            ZooPublisher.publish(written, ZooDirectory.root(), true);
        }
    }

    @Test
    void publishedUnderAnotherIdItRecordsThatIdEverywhereAndLoadsByIt() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = ZooFixtures.initialised(ZooFixtures.pixelConfig(), manager, 20);
            ModelArtifact written = ZooFixtures.writePixelModel(temp.resolve("out").resolve("tiny-pixels"), block);
            StringWriter out = new StringWriter();
            int code = new CommandLine(new PublishCommand()).setOut(new PrintWriter(out))
                    .execute(written.directory().toString(), "--as", "shipped-pixels");
            assertEquals(0, code, out.toString());
            assertTrue(out.toString().contains("published shipped-pixels"), out.toString());

            ModelArtifact renamed = ModelArtifact.read(ZooDirectory.root().resolve("shipped-pixels"));
            assertEquals(List.of("shipped-pixels-0000.params"), ArtifactFiles.listFiles(renamed.directory()).stream()
                    .map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".params")).toList());
            try (DataInputStream in = new DataInputStream(Files.newInputStream(renamed.parametersFile()))) {
                in.readFully(new byte[4]);
                in.readInt();
                assertEquals("shipped-pixels", in.readUTF(), "the name in the parameter file's header");
            }
            String config = Files.readString(renamed.directory().resolve(ModelArtifact.CONFIG));
            assertTrue(config.contains("\"name\": \"shipped-pixels\""), config);
            assertFalse(config.contains("tiny-pixels"), config);
            assertEquals(written.card(), renamed.card(), "the card, with its training command, is kept");
            assertEquals(written.config(), renamed.config());
            assertEquals(Files.size(written.parametersFile()) + "shipped-pixels".length() - "tiny-pixels".length(),
                    Files.size(renamed.parametersFile()), "only the name in the header changed size");
            assertTrue(Files.exists(written.directory()), "the source stays");

            try (ZooModel<float[], Classifications> model = PlmuModelZoo.loadModel(
                            byId(float[].class, Classifications.class, "shipped-pixels"));
                    Predictor<float[], Classifications> predictor = model.newPredictor()) {
                float[] image = ZooFixtures.images(1, 5)[0];
                float[] expected = ZooFixtures.probabilities(block, manager, image);
                Classifications result = predictor.predict(image);
                for (int c = 0; c < expected.length; c++) {
                    assertEquals(expected[c], result.get(ZooFixtures.LABELS.get(c)).getProbability(), 1e-6);
                }
            }

            StringWriter err = new StringWriter();
            assertEquals(1, new CommandLine(new PublishCommand()).setErr(new PrintWriter(err))
                    .execute(written.directory().toString(), "--as", "../Escaped"));
            assertTrue(err.toString().contains("must match") && err.toString().contains("'../Escaped'"),
                    err.toString());
            assertFalse(Files.exists(ZooDirectory.root().resolveSibling("Escaped")));
        }
    }

    @Test
    void unknownIdListsTheAvailableArtifacts() {
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class,
                () -> PlmuModelZoo.loadModel(byId(float[].class, Classifications.class, "psmnist-lmu-huge")));
        assertTrue(e.getMessage().contains("no artifact 'psmnist-lmu-huge'"), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*available: ([a-z0-9-]+, )*" + SHIPPED + "[,.].*"), e.getMessage());
    }

    @Test
    void publishCommandFailsWithTheReasonOnAnArtifactThatIsNotOne() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new PublishCommand()).setErr(new PrintWriter(err))
                .execute(temp.resolve("nothing-here").toString());
        assertEquals(1, code);
        assertTrue(err.toString().contains("nothing-here: not a directory"), err.toString());
    }
}
