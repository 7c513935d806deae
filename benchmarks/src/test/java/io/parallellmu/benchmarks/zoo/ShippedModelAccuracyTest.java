package io.parallellmu.benchmarks.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.modality.Classifications;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.dataset.Dataset;
import io.parallellmu.zoo.ModelArtifact;
import io.parallellmu.zoo.ModelCard;
import io.parallellmu.zoo.PlmuModelZoo;
import org.junit.jupiter.api.Test;

/**
 * The shipped psMNIST model, loaded through {@code Criteria} by artifact id with the network off (Surefire sets
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
        ModelCard card;
        try (ZooModel<float[], Classifications> model = PlmuModelZoo.loadModel(criteria)) {
            card = ModelArtifact.read(model.getModelPath()).card();
        }
        StandInDigits test = StandInDigits.load(Dataset.Usage.TEST);
        assertEquals("test", card.metricSplit());
        assertEquals("accuracy", card.metricName());
        assertEquals(test.checksum(), card.dataChecksum(), "the card names the data the test uses");
        double accuracy = ZooAccuracy.of(criteria, test);
        assertEquals(card.metricValue(), accuracy, 0.005,
                "accuracy on " + test.images().length + " stand-in test digits against the model card's");
    }
}
