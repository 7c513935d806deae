package io.parallellmu.benchmarks.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.dataset.Record;
import ai.djl.translate.TranslateException;
import io.parallellmu.benchmarks.tasks.TaskData;
import io.parallellmu.metrics.Nrmse;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.zoo.Forecast;
import io.parallellmu.zoo.ModelArtifact;
import io.parallellmu.zoo.ModelCard;
import io.parallellmu.zoo.PlmuModelZoo;
import org.junit.jupiter.api.Test;

/**
 * The shipped Mackey-Glass LMU (the lead's reference run of the LMU 2019 recipe, see its card's command), loaded
 * through {@code Criteria} by artifact id with the network off: its NRMSE on the recipe's test series, scored as the
 * suite scored it and again through the {@code float[] → float[]} translator on the raw (unsquashed) series, lies
 * within 0.5% (relative) of its card's. Skipped only while the artifact is not shipped.
 */
class ShippedMackeyGlassTest {

    static final String ID = "mackey-glass-2019-lmu";
    private static final double RELATIVE = 0.005;

    @Test
    void nrmseOnTheRecipesTestSeriesMatchesTheCardThroughTheTranslator() throws Exception {
        assumeTrue(getClass().getResource("/io/parallellmu/zoo/shipped/" + ID + "/model-card.json") != null,
                ID + " is not shipped yet");
        try (ZooModel<float[], float[]> model = PlmuModelZoo.loadModel(
                        PlmuModelZoo.criteria(ID, float[].class, float[].class));
                Predictor<float[], float[]> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager()) {
            TaskData data = CardCheck.matchesCard(TaskId.MACKEY_GLASS, ID, card -> RELATIVE * card, manager);
            ModelArtifact artifact = ModelArtifact.read(model.getModelPath());
            ModelCard card = artifact.card();
            Forecast task = artifact.task(Forecast.class);
            assertEquals(data.metadata(), task, "the squash and centring the data set applies");
            Nrmse nrmse = new Nrmse();
            for (long index = 0; index < data.test().size(); index++) {
                Record record = data.test().get(manager, index);
                float[] squashed = record.getData().head().toFloatArray(); // (L, 1): the model's inputs
                float[] history = new float[squashed.length];
                for (int t = 0; t < history.length; t++) {
                    history[t] = task.fromModel(squashed[t]); // the raw series
                }
                float[] forecast = predictor.predict(history);
                float[] predicted = new float[forecast.length];
                for (int t = 0; t < forecast.length; t++) {
                    predicted[t] = task.toModel(forecast[t]); // scored where the suite scores: squashed, centred
                }
                NDArray labels = record.getLabels().head(); // (L, 1)
                nrmse.update(new NDList(labels), new NDList(manager.create(predicted).reshape(labels.getShape())));
            }
            assertEquals(card.metricValue(), nrmse.value(), RELATIVE * card.metricValue(),
                    "NRMSE through the translator on " + data.test().size() + " test series");
            TranslateException tooShort = assertThrows(TranslateException.class,
                    () -> predictor.predict(new float[task.horizon() - 1]));
            assertEquals(ID + " expects a history window of at least " + task.horizon() + " values, got "
                    + (task.horizon() - 1), tooShort.getMessage());
        }
    }
}
