package io.parallellmu.examples;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.parallellmu.zoo.PlmuModelZoo;
import io.parallellmu.zoo.TextClassifications;
import io.parallellmu.zoo.TextPair;
import java.io.IOException;
import java.util.Arrays;

/**
 * Loads each of the seven shipped parallel LMU models by id through DJL's {@code Criteria}, offline, and prints one
 * prediction of each. The models ship inside the framework jar, the only dependency.
 */
public final class ZooClient {

    private ZooClient() {}

    /**
     * Runs the seven predictions.
     *
     * @param args ignored
     * @throws Exception if a model that is found fails to load or predict
     */
    public static void main(String[] args) throws Exception {
        float[] digit = new float[784]; // a 28×28 image, row-major, in [0, 1]: a vertical stroke, like a "1"
        for (int row = 4; row < 24; row++) {
            digit[row * 28 + 14] = 1f;
        }
        predict("psmnist-lmu-paper-seed1", float[].class, Classifications.class, digit);
        predict("imdb-standin-lmu", String.class, Classifications.class,
                "Congratulations! You have been selected to receive a FREE prize. Click here to claim it now.");
        predict("qqp-synthetic-lmu", TextPair.class, Classifications.class,
                new TextPair("Did the teacher help the student?", "Was the student helped by the teacher?"));
        predict("snli-synthetic-lmu", TextPair.class, Classifications.class,
                new TextPair("A man is playing a guitar on stage.", "A person is playing music."));
        predict("iwslt-standin-lmu", String.class, String.class, "Open the file");
        predict("text8-standin-lmu", String.class, Classifications.class, "the quick brown fo");
        float[] history = new float[500]; // a series in the Mackey-Glass range, one value per step
        for (int t = 0; t < history.length; t++) {
            history[t] = 0.9f + 0.3f * (float) Math.sin(t / 8.0);
        }
        predict("mackey-glass-2019-lmu", float[].class, float[].class, history);
    }

    private static <I, O> void predict(String id, Class<I> input, Class<O> output, I value)
            throws IOException, MalformedModelException, TranslateException {
        Criteria<I, O> criteria = Criteria.builder()
                .setTypes(input, output)
                .optGroupId(PlmuModelZoo.GROUP_ID)
                .optArtifactId(id)
                .optEngine("PyTorch")
                .build();
        try (ZooModel<I, O> model = criteria.loadModel();
                Predictor<I, O> predictor = model.newPredictor()) {
            O result = predictor.predict(value);
            System.out.println(id + ": " + describe(result));
        } catch (ModelNotFoundException e) {
            System.out.println(id + ": not in this build's zoo (" + e.getMessage().lines().findFirst().orElse("")
                    + ")");
        }
    }

    private static String describe(Object result) {
        if (result instanceof TextClassifications text) {
            return text.best() + " (" + text.unknownTokens() + " of " + text.tokens() + " tokens unknown)";
        }
        if (result instanceof Classifications classes) {
            return classes.best().toString();
        }
        if (result instanceof float[] values) {
            return Arrays.toString(values);
        }
        return String.valueOf(result);
    }
}
