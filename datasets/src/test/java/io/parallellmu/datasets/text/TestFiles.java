package io.parallellmu.datasets.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the tiny fixture files that the tests make themselves. */
public final class TestFiles {

    private TestFiles() {}

    /**
     * Writes a UTF-8 text file, creating its folders.
     *
     * @param file the file
     * @param text its contents
     * @return the file
     * @throws IOException if writing fails
     */
    public static Path write(Path file, String text) throws IOException {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a file, creating its folders.
     *
     * @param file the file
     * @param bytes its contents
     * @return the file
     * @throws IOException if writing fails
     */
    public static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, bytes);
    }
}
