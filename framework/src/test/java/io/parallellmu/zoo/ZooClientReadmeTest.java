package io.parallellmu.zoo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README shows the zoo-client example's {@code pom.xml} and main class as they are, and the main class names
 * every id of the README's zoo table.
 */
class ZooClientReadmeTest {

    private static final Path README = Paths.get("../README.md");
    private static final Path EXAMPLE = Paths.get("../examples/zoo-client");
    private static final String MAIN = "src/main/java/io/parallellmu/examples/ZooClient.java";

    @ParameterizedTest
    @ValueSource(strings = {"pom.xml", MAIN})
    void theReadmeShowsTheFileAsItIs(String file) throws IOException {
        String text = Files.readString(EXAMPLE.resolve(file), StandardCharsets.UTF_8).stripTrailing();
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        assertTrue(readme.contains("\n" + text + "\n```"), "README.md shows examples/zoo-client/" + file
                + " verbatim in a fenced block");
    }

    @Test
    void theMainClassLoadsEveryIdOfTheTable() throws IOException {
        String main = Files.readString(EXAMPLE.resolve(MAIN), StandardCharsets.UTF_8);
        for (String id : ZooTableTest.tableIds()) {
            assertTrue(main.contains("\"" + id + "\""), "ZooClient loads " + id);
        }
    }
}
