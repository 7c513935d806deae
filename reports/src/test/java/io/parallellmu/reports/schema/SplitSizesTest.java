package io.parallellmu.reports.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SplitSizesTest {

    @Test
    void parsesAndPrintsInOrder() {
        SplitSizes sizes = SplitSizes.parse("train=8000;valid=1000;test=1000");
        assertEquals(SplitSizes.trainValidTest(8000, 1000, 1000), sizes);
        assertEquals("train=8000;valid=1000;test=1000", sizes.toString());
        assertEquals(1000L, sizes.sizes().get("test"));
    }

    @Test
    void rejectsMalformedParts() {
        assertEquals("split sizes part 'train' is not name=count",
                assertThrows(IllegalArgumentException.class, () -> SplitSizes.parse("train"))
                        .getMessage());
        assertEquals("split sizes part 'train=x' has no whole-number count",
                assertThrows(IllegalArgumentException.class, () -> SplitSizes.parse("train=x"))
                        .getMessage());
        assertEquals("split 'a' appears twice",
                assertThrows(IllegalArgumentException.class, () -> SplitSizes.parse("a=1;a=2"))
                        .getMessage());
        assertEquals("size of split a must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> SplitSizes.parse("a=-1"))
                        .getMessage());
    }
}
