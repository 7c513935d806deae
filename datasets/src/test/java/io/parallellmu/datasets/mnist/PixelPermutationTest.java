package io.parallellmu.datasets.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parallellmu.datasets.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PixelPermutationTest {

    @TempDir Path dir;

    @Test
    void isAPermutationFixedBySeed() {
        int[] order = PixelPermutation.fromSeed(0, 784).order();
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 784; i++) {
            assertEquals(i, sorted[i]);
        }
        assertArrayEquals(order, PixelPermutation.fromSeed(0, 784).order());
        assertFalse(Arrays.equals(order, PixelPermutation.fromSeed(1, 784).order()));
        int fixedPoints = 0;
        for (int i = 0; i < 784; i++) {
            fixedPoints += order[i] == i ? 1 : 0;
        }
        assertEquals(0, fixedPoints, 5, "a random permutation has about one fixed point");
    }

    @Test
    void appliesOrderAndScales() {
        PixelPermutation permutation = PixelPermutation.fromSeed(3, 4);
        int[] order = permutation.order();
        byte[] pixels = {9, 0, (byte) 255, 51, 102, 0};
        float[] out = new float[5];
        permutation.applyScaled(pixels, 2, out, 1);
        for (int t = 0; t < 4; t++) {
            assertEquals((pixels[2 + order[t]] & 0xFF) / 255f, out[1 + t], 0f);
        }
        assertEquals(0f, out[0], 0f);
    }

    @Test
    void savesAndReadsBack() throws IOException {
        PixelPermutation permutation = PixelPermutation.fromSeed(-42, 784);
        Path file = dir.resolve(permutation.fileName());
        permutation.save(file);
        assertEquals("permutation-seed--42.txt", permutation.fileName());
        assertEquals(permutation, PixelPermutation.read(file));
    }

    @Test
    void repeatedIndexIsRefusedWithLine() throws IOException {
        Path file = dir.resolve("p.txt");
        Files.writeString(file, "# comment\nseed 1\n0 1 1 3\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> PixelPermutation.read(file));
        assertEquals(file + ", line 3: index 1 appears twice (again at step 2)", e.getMessage());
    }

    @Test
    void malformedSeedLineIsRefused() throws IOException {
        Path file = dir.resolve("p.txt");
        Files.writeString(file, "# comment\nsead 1\n0 1\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> PixelPermutation.read(file));
        assertEquals(file + ", line 2: expected 'seed S', found 'sead 1'", e.getMessage());
    }
}
