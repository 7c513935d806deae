package io.parallellmu.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import io.parallellmu.zoo.stream.StreamingPredictor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's "Load a pretrained model" example, run as written; a second test keeps the two texts equal. */
class ZooReadmeExampleTest {

    private static final Path SOURCE = Paths.get("src/test/java/io/parallellmu/zoo/ZooReadmeExampleTest.java");
    private static final Path README = Paths.get("../README.md");

    private static void example() throws Exception {
        // README:begin
        Criteria<float[], Classifications> criteria = Criteria.builder()
                .setTypes(float[].class, Classifications.class)         // or Image.class for a 28×28 DJL Image
                .optGroupId(PlmuModelZoo.GROUP_ID)
                .optArtifactId("psmnist-lmu-paper-seed1")
                .optEngine("PyTorch")
                .build();
        float[] image = new float[784];                                  // a 28×28 digit, row-major, pixels in [0, 1]
        try (ZooModel<float[], Classifications> model = PlmuModelZoo.loadModel(criteria);
                Predictor<float[], Classifications> predictor = model.newPredictor()) {
            Classifications classes = predictor.predict(image);         // permuted as in training, then classified
            System.out.println(classes.best());
            int[] order = ModelArtifact.read(model.getModelPath()).task(PermutedPixels.class).permutation();
            try (StreamingPredictor rnn = StreamingPredictor.of(model)) {
                float[] logits = null;
                for (int pixel : order) {
                    logits = rnn.step(image[pixel]);                     // after 784 steps: the parallel model's logits
                }
                System.out.println(Arrays.toString(logits));
            }
        }
        // README:end
    }

    @Test
    void exampleRunsAndPrintsAClassAndTenLogits() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            example();
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        Matcher best = Pattern.compile("\"className\": \"(\\d)\"").matcher(lines.get(0));
        assertTrue(best.find(), lines.get(0));
        String[] logits = lines.get(1).replaceAll("[\\[\\] ]", "").split(",");
        assertEquals(10, logits.length, lines.get(1));
        int argMax = 0;
        for (int c = 1; c < logits.length; c++) {
            argMax = Float.parseFloat(logits[c]) > Float.parseFloat(logits[argMax]) ? c : argMax;
        }
        assertEquals(best.group(1), Integer.toString(argMax), "the RNN's logits pick the parallel model's class");
    }

    @Test
    void readmeShowsExactlyThisCode() throws Exception {
        String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
        Matcher inSource = Pattern.compile("// README:begin\n(.*?)\n\\s*// README:end", Pattern.DOTALL).matcher(source);
        assertTrue(inSource.find());
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Matcher inReadme = Pattern.compile("## Load a pretrained model\n.*?```java\n(.*?)\n```", Pattern.DOTALL)
                .matcher(readme);
        assertTrue(inReadme.find(), "the README has the section and its Java block");
        assertEquals(inSource.group(1).stripIndent(), inReadme.group(1));
    }
}
