package io.parallellmu.datasets.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import io.parallellmu.datasets.text.ManagedTest;
import io.parallellmu.zoo.PermutedPixels;
import io.parallellmu.zoo.TaskMetadata;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PixelSequenceTest extends ManagedTest {

    private static final List<String> LABELS = TaskMetadata.numberedLabels(MnistArchive.CLASSES);
    private static final PixelPermutation PIXELS = PixelPermutation.fromSeed(7, MnistArchive.PIXELS);

    @Test
    void fullLengthIsThePermutedPixelsAsTheyAre() {
        PixelSequence sequence = PixelSequence.of(PIXELS, 784);
        NDList data = new NDList(manager.randomUniform(0, 1, new Shape(2, 784, 1)));

        assertEquals(784, sequence.length());
        assertSame(data, sequence.apply(data));
        PermutedPixels metadata = sequence.metadata(LABELS);
        assertArrayEquals(PIXELS.order(), metadata.permutation());
        assertEquals(1, metadata.poolSize());
        assertNull(metadata.pooling());
    }

    @Test
    void pooledStepsAreCellMeansInTheSeedsCellOrder() {
        PixelSequence sequence = PixelSequence.of(PIXELS, 49);
        float[][] images = images(3);
        NDList pooled = sequence.apply(new NDList(permuted(images)));

        assertEquals(new Shape(3, 49, 1), pooled.head().getShape());
        int[] cells = PixelPermutation.fromSeed(PIXELS.seed(), 49).order();
        float[] values = pooled.head().toFloatArray();
        for (int n = 0; n < images.length; n++) {
            for (int s = 0; s < 49; s++) {
                int cellRow = cells[s] / 7;
                int cellColumn = cells[s] % 7;
                double sum = 0;
                for (int r = 0; r < 4; r++) {
                    for (int c = 0; c < 4; c++) {
                        sum += images[n][(cellRow * 4 + r) * 28 + cellColumn * 4 + c];
                    }
                }
                assertEquals(sum / 16, values[n * 49 + s], 1e-5, "image " + n + ", step " + s);
            }
        }
    }

    @Test
    void savedMetadataPoolsRawImagesAsTrainingDid() {
        PixelSequence sequence = PixelSequence.of(PIXELS, 196);
        NDArray permuted = permuted(images(2));
        PermutedPixels metadata = sequence.metadata(LABELS);

        assertEquals(2, metadata.poolSize());
        NDArray inUse = metadata.pooling().apply(permuted, metadata.permutation()); // the zoo translator's path
        assertArrayEquals(sequence.apply(new NDList(permuted)).head().toFloatArray(), inUse.toFloatArray());
    }

    @Test
    void refusesALengthThatIsNoPooledSquare() {
        for (int length : new int[] {0, 100, 81, 783}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> PixelSequence.of(PIXELS, length));
            assertTrue(e.getMessage().contains("784, 196, 49") && e.getMessage().contains("got " + length),
                    e.getMessage());
        }
    }

    private static float[][] images(int count) {
        Random random = new Random(3);
        float[][] images = new float[count][MnistArchive.PIXELS];
        for (float[] image : images) {
            for (int p = 0; p < image.length; p++) {
                image[p] = random.nextFloat();
            }
        }
        return images;
    }

    /** The images in the data set's permuted order, (N, 784, 1). */
    private NDArray permuted(float[][] images) {
        int[] order = PIXELS.order();
        float[] values = new float[images.length * order.length];
        for (int n = 0; n < images.length; n++) {
            for (int t = 0; t < order.length; t++) {
                values[n * order.length + t] = images[n][order[t]];
            }
        }
        return manager.create(values, new Shape(images.length, order.length, 1));
    }
}
