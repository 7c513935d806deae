package io.parallellmu.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cell pooling of permuted pixels, and the pooled metadata an artifact stores. */
class PixelPoolingTest {

    /** A 4×4 image with pixel p = p, so cell means are easy to state. */
    private static final float[] IMAGE = new float[16];
    private static final int[] CELLS = {3, 1, 0, 2};
    /** 2×2 cells of the 4×4 image, row-major: the means of {0,1,4,5}, {2,3,6,7}, {8,9,12,13}, {10,11,14,15}. */
    private static final float[] CELL_MEANS = {2.5f, 4.5f, 10.5f, 12.5f};

    static {
        for (int p = 0; p < IMAGE.length; p++) {
            IMAGE[p] = p;
        }
    }

    @Test
    void readsCellMeansInTheCellOrderWhateverOrderThePixelsComeIn() {
        PixelPooling pooling = new PixelPooling(4, 4, 2, CELLS);
        float[] expected = new float[CELLS.length];
        for (int s = 0; s < CELLS.length; s++) {
            expected[s] = CELL_MEANS[CELLS[s]];
        }
        int[] pixelOrder = new int[16];
        float[] permuted = new float[16];
        for (int t = 0; t < 16; t++) {
            pixelOrder[t] = (5 * t + 7) % 16; // 5 is coprime with 16
            permuted[t] = IMAGE[pixelOrder[t]];
        }
        int[] identity = new int[16];
        for (int t = 0; t < 16; t++) {
            identity[t] = t;
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            assertArrayEquals(expected, pooling.apply(manager.create(IMAGE).reshape(1, 16, 1), identity)
                    .toFloatArray(), 1e-6f);
            assertArrayEquals(expected, pooling.apply(manager.create(permuted).reshape(1, 16, 1), pixelOrder)
                    .toFloatArray(), 1e-6f);
            assertEquals(4, pooling.length());
        }
    }

    @Test
    void rejectsAPoolSizeThatDoesNotDivideTheImageOrAWrongCellOrder() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> new PixelPooling(4, 4, 3, new int[] {0}));
        assertTrue(size.getMessage().contains("divide the image size 4×4, got 3"), size.getMessage());
        IllegalArgumentException cells = assertThrows(IllegalArgumentException.class,
                () -> new PixelPooling(4, 4, 2, new int[] {0, 1, 1, 2}));
        assertTrue(cells.getMessage().contains("out of range or repeated"), cells.getMessage());
    }

    @Test
    void anArtifactKeepsThePoolSizeAndCellOrder(@TempDir Path temp) throws Exception {
        // a 4×4 image pooled 2×2, read by the fixtures' tiny classifier (any length runs through an LMU)
        int[] order = new int[16];
        for (int t = 0; t < 16; t++) {
            order[t] = 15 - t;
        }
        PermutedPixels pooled = TaskMetadata.pooledPixels(4, 4, order, 3, 2, CELLS, List.of("a", "b", "c"));
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelArtifact written = ModelArtifact.write(temp.resolve("pooled"),
                    ZooFixtures.initialised(ZooFixtures.pixelConfig(), manager, 4), ZooFixtures.pixelConfig(),
                    pooled, ZooFixtures.card("pooled"));
            PermutedPixels read = ModelArtifact.read(written.directory()).task(PermutedPixels.class);
            assertEquals(pooled, read);
            assertEquals(2, read.poolSize());
            assertArrayEquals(CELLS, read.cellPermutation());
            assertArrayEquals(order, read.permutation());
        }
    }
}
