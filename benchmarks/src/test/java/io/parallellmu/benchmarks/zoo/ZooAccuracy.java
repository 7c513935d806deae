package io.parallellmu.benchmarks.zoo;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** Measures a psMNIST zoo model's accuracy the way a user would: raw images in, {@link Classifications} out. */
final class ZooAccuracy {

    private static final int BATCH = 100;

    private ZooAccuracy() {}

    /**
     * Loads a model through the criteria and classifies every digit.
     *
     * @param criteria how to find the model
     * @param digits the images and labels
     * @return the fraction classified correctly
     * @throws IOException if loading fails
     * @throws ModelNotFoundException if the model cannot be found
     * @throws MalformedModelException if the model is malformed
     * @throws TranslateException if prediction fails
     */
    static double of(Criteria<float[], Classifications> criteria, StandInDigits digits)
            throws IOException, ModelNotFoundException, MalformedModelException, TranslateException {
        try (ZooModel<float[], Classifications> model = criteria.loadModel();
                Predictor<float[], Classifications> predictor = model.newPredictor()) {
            int correct = 0;
            for (int from = 0; from < digits.images().length; from += BATCH) {
                int to = Math.min(from + BATCH, digits.images().length);
                List<Classifications> results = predictor.batchPredict(
                        Arrays.asList(Arrays.copyOfRange(digits.images(), from, to)));
                for (int i = from; i < to; i++) {
                    if (results.get(i - from).best().getClassName().equals(Integer.toString(digits.labels()[i]))) {
                        correct++;
                    }
                }
            }
            return correct / (double) digits.images().length;
        }
    }
}
