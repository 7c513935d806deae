package io.parallellmu.datasets.mnist;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.datasets.fetch.FetchException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandProvidedStandInTest {

    @TempDir Path root;

    @Test
    void handProvidedFilesThatAreNotFashionMnistAreRefusedAndNothingIsCached() throws Exception {
        MnistFixtures.writeOfficial(root.resolve("stand-in/downloads/fashion-mnist"), 4, 2, true);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        FetchException e = assertThrows(
                FetchException.class, () -> new FashionMnistDebStandIn().ensure(root, new PrintStream(log, true)));

        assertTrue(e.getMessage().startsWith("fashion-mnist-deb: the converted data has SHA-256 "), e.getMessage());
        assertTrue(e.getMessage().contains("but " + FashionMnistDebStandIn.DATA_SHA256 + " is pinned"), e.getMessage());
        assertTrue(e.getMessage().contains("put the four Fashion-MNIST files train-images-idx3-ubyte, "
                + "train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (plain or .gz"), e.getMessage());
        assertTrue(e.getMessage().contains("into " + root.resolve("stand-in/downloads/fashion-mnist")), e.getMessage());
        assertTrue(e.getMessage().contains("Alternatively put the official MNIST files"), e.getMessage());
        assertFalse(Files.exists(root.resolve("stand-in/fashion-mnist-deb")));
        try (Stream<Path> left = Files.list(root.resolve("stand-in"))) {
            // The fetch lock (.fashion-mnist-deb.lock) stays on purpose; no scratch folder may.
            assertTrue(left.allMatch(p -> p.getFileName().toString().equals("downloads")
                    || p.getFileName().toString().equals(".fashion-mnist-deb.lock")), "temporary directories left behind");
        }
    }
}
