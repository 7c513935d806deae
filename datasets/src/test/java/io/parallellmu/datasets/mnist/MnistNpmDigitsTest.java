package io.parallellmu.datasets.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.datasets.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistNpmDigitsTest {

    @TempDir Path dir;

    private Path digits(String values) throws Exception {
        Path file = dir.resolve("3.json");
        Files.writeString(file, "{ \"data\": [" + values + "] }");
        return file;
    }

    private static String image(String first, String last) {
        return first + "," + String.join(",", Collections.nCopies(782, "0")) + "," + last;
    }

    @Test
    void threeDecimalValuesConvertBackToTheirBytes() throws Exception {
        byte[] pixels = MnistNpmStandIn.readDigits(digits(image("0.2", "1") + "," + image("0.624", "0.992")));

        assertEquals(2 * 784, pixels.length);
        assertEquals(51, pixels[0] & 0xFF);
        assertEquals(255, pixels[783] & 0xFF);
        assertEquals(159, pixels[784] & 0xFF);
        assertEquals(253, pixels[2 * 784 - 1] & 0xFF);
    }

    @Test
    void valueOutsideTheUnitRangeIsNamedByItsJsonPath() throws Exception {
        Path file = digits(image("0", "1.5"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> MnistNpmStandIn.readDigits(file));
        assertEquals(file + ", line 1 column " + (12 + 2 + 782 * 2) + " path $.data[783]: pixel value 1.5 is outside [0, 1]",
                e.getMessage());
    }

    @Test
    void partialImageIsRefused() throws Exception {
        Path file = digits(image("0", "0") + ",0.5");
        DataFormatException e = assertThrows(DataFormatException.class, () -> MnistNpmStandIn.readDigits(file));
        assertEquals(file + ", JSON path $.data: 785 values do not make whole 784-pixel images", e.getMessage());
    }

    @Test
    void missingDataArrayIsRefused() throws Exception {
        Path file = dir.resolve("4.json");
        Files.writeString(file, "{ \"pixels\": [0] }");
        DataFormatException e = assertThrows(DataFormatException.class, () -> MnistNpmStandIn.readDigits(file));
        assertEquals(file + ", line 1 column 18 path $.pixels: no \"data\" array", e.getMessage());
    }

    @Test
    void truncatedJsonIsNamedWithItsFile() throws Exception {
        Path file = dir.resolve("5.json");
        Files.writeString(file, "{ \"data\": [0, 0.5,");
        DataFormatException e = assertThrows(DataFormatException.class, () -> MnistNpmStandIn.readDigits(file));
        assertEquals(file, e.getFile());
        assertTrue(e.getPosition().startsWith("line 1 column "), e.getPosition());
        assertTrue(e.getMessage().contains("malformed JSON: "), e.getMessage());
    }

    @Test
    void textInsteadOfANumberIsNamedWithItsLine() throws Exception {
        Path file = dir.resolve("6.json");
        Files.writeString(file, "{ \"data\": [0,\n\"x\"] }");
        DataFormatException e = assertThrows(DataFormatException.class, () -> MnistNpmStandIn.readDigits(file));
        assertTrue(e.getPosition().startsWith("line 2 column ") && e.getPosition().endsWith(" path $.data[1]"), e.getPosition());
    }
}
