package io.parallellmu.datasets.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaddedSequencesTest {

    @Test
    void padsWithZeroAndCutsKeepingTheStart() {
        PaddedSequences p = PaddedSequences.of(List.of(new int[] {5, 6}, new int[] {7, 8, 9, 10, 11}, new int[0]), 4);
        assertEquals(3, p.count());
        assertArrayEquals(new int[] {5, 6, 0, 0}, p.row(0));
        assertArrayEquals(new int[] {7, 8, 9, 10}, p.row(1));
        assertArrayEquals(new int[] {0, 0, 0, 0}, p.row(2));
        assertArrayEquals(new int[] {2, 4, 0}, p.lengths());
    }

    @Test
    void stacksIntoInt32Tensors() {
        PaddedSequences p = PaddedSequences.of(List.of(new int[] {1, 2, 3}, new int[] {4}), 3);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray ids = p.idsArray(manager);
            NDArray lengths = p.lengthsArray(manager);
            assertEquals(new Shape(2, 3), ids.getShape());
            assertEquals(DataType.INT32, ids.getDataType());
            assertArrayEquals(new int[] {1, 2, 3, 4, 0, 0}, ids.toIntArray());
            assertArrayEquals(new int[] {3, 1}, lengths.toIntArray());
        }
    }
}
