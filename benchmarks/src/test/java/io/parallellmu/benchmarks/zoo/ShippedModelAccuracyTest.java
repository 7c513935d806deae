package io.parallellmu.benchmarks.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.modality.Classifications;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.dataset.Dataset;
import io.parallellmu.zoo.ModelArtifact;
import io.parallellmu.zoo.ModelCard;
import io.parallellmu.zoo.PermutedPixels;
import io.parallellmu.zoo.PlmuModelZoo;
import org.junit.jupiter.api.Test;

/**
 * The shipped psMNIST model (trained by the suite's paper profile, see its card's command), loaded through {@code Criteria} by artifact id with the network off (Surefire sets
 * {@code ai.djl.offline=true}), classifies the stand-in's test digits as accurately as its model card says.
 */
class ShippedModelAccuracyTest {

    @Test
    void accuracyOnTheStandInTestDigitsMatchesTheModelCard() throws Exception {
        Criteria<float[], Classifications> criteria = Criteria.builder()
                .setTypes(float[].class, Classifications.class)
                .optGroupId(PlmuModelZoo.GROUP_ID)
                .optArtifactId(ShippedPsMnist.ID)
                .optEngine("PyTorch")
                .build();
        ModelArtifact artifact;
        try (ZooModel<float[], Classifications> model = PlmuModelZoo.loadModel(criteria)) {
            artifact = ModelArtifact.read(model.getModelPath());
        }
        ModelCard card = artifact.card();
        StandInDigits test = StandInDigits.load(Dataset.Usage.TEST);
        PermutedPixels task = artifact.task(PermutedPixels.class);
        assertArrayEquals(test.permutation(), task.permutation(), "the model reads the data set's order");
        assertEquals(test.permutationSeed(), task.permutationSeed());
        assertEquals("test", card.metricSplit());
        assertEquals("accuracy", card.metricName());
        assertEquals("sha256:" + test.checksum(), card.dataChecksum(), "the card names the data the test uses");
        assertEquals(test.dataKind(), card.dataKind());
        assertTrue(card.details().get("splits").contains("test-used=" + test.images().length),
                "the suite tested on the whole stand-in test split, the digits used here: " + card.details());
        double accuracy = ZooAccuracy.of(criteria, test);
        assertEquals(card.metricValue(), accuracy, 0.005,
                "accuracy on " + test.images().length + " stand-in test digits against the model card's");
    }
}
