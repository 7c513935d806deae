package io.parallellmu.benchmarks.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.ZooModel;
import io.parallellmu.benchmarks.suite.Profile;
import io.parallellmu.benchmarks.tasks.DataRequest;
import io.parallellmu.benchmarks.tasks.TaskData;
import io.parallellmu.benchmarks.tasks.TestScore;
import io.parallellmu.benchmarks.tasks.Tasks;
import io.parallellmu.datasets.DataDirectory;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.zoo.ModelArtifact;
import io.parallellmu.zoo.ModelCard;
import io.parallellmu.zoo.PlmuModelZoo;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.DoubleUnaryOperator;

/**
 * Checks a shipped model against its card the way the suite scored it: the task's data loaded with the settings of
 * the profile the card names (its config detail starts with the profile's id), the raw model (loaded by id through {@code Criteria}) scored on the test split by the task's own test
 * scoring.
 */
final class CardCheck {

    private CardCheck() {}

    /**
     * Loads the task's data as the card's profile does, checks that the card names that data, scores the model on its test
     * split and checks the score against the card's.
     *
     * @param taskId the task
     * @param id the shipped id
     * @param tolerance how far the score may lie from the card's, given the card's value
     * @param manager where the data's arrays live, open as long as the caller uses the data
     * @return the task's data, with the metadata the data set gives a model now
     * @throws Exception if loading or scoring fails
     */
    static TaskData matchesCard(TaskId taskId, String id, DoubleUnaryOperator tolerance, NDManager manager) throws Exception {
        try (ZooModel<NDList, NDList> model = PlmuModelZoo.loadModel(
                PlmuModelZoo.criteria(id, NDList.class, NDList.class))) {
            ModelCard card = ModelArtifact.read(model.getModelPath()).card();
            Profile profile = Profile.fromId(card.details().get("config").split(" ", 2)[0]);
            TaskData data = Tasks.of(taskId).load(new DataRequest(DataDirectory.root(), DataSource.AUTO,
                    profile.config(taskId, ModelFamily.LMU).settings(), manager,
                    new PrintStream(OutputStream.nullOutputStream())));
            assertEquals(card.dataKind(), data.provenance().kind().id());
            assertEquals("sha256:" + data.provenance().checksum(), card.dataChecksum(),
                    "the card names the data the test uses");
            assertTrue(card.details().get("splits").contains("test-used=" + data.test().size()), card.details()
                    .toString());
            TestScore score = data.score(model);
            assertEquals(card.metricName(), score.metric());
            assertEquals("test", card.metricSplit());
            assertEquals(card.metricValue(), score.value(), tolerance.applyAsDouble(card.metricValue()),
                    id + "'s " + score.metric() + " on " + data.test().size() + " test records against its card's");
            return data;
        }
    }
}
