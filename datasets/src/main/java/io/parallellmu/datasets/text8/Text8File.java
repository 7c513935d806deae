package io.parallellmu.datasets.text8;

import io.parallellmu.datasets.DataFiles;
import io.parallellmu.datasets.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a text8-format file: one line of {@code a}–{@code z} and spaces, nothing else (not even a final line
 * break). The characters are returned as bytes of ids in the fixed alphabet (space = 0, {@code a} = 1 …
 * {@code z} = 26), never as Java strings, so that loading a 100M-character file takes about one byte of heap
 * per character loaded.
 *
 * <p>Splits are the standard text8 proportions: the first 90% of the characters for training, the next 5% for
 * validation and the last 5% for testing (90M/5M/5M for the official 100M characters).
 */
public final class Text8File {

    /** The alphabet in id order. */
    public static final String ALPHABET = " abcdefghijklmnopqrstuvwxyz";

    private Text8File() {}

    /**
     * The character range of a split.
     *
     * @param from the first character
     * @param to one past the last character
     */
    public record Range(long from, long to) {

        /**
         * Returns the number of characters.
         *
         * @return {@code to - from}
         */
        public long length() {
            return to - from;
        }
    }

    /**
     * Returns the standard 90/5/5 split ranges of a file of {@code size} characters.
     *
     * @param size the number of characters
     * @return train, validation and test ranges
     */
    public static Range[] splits(long size) {
        long trainEnd = size / 100 * 90 + size % 100 * 90 / 100;
        long validEnd = size / 100 * 95 + size % 100 * 95 / 100;
        return new Range[] {new Range(0, trainEnd), new Range(trainEnd, validEnd), new Range(validEnd, size)};
    }

    /**
     * Checks a whole file and returns one range of it as alphabet ids.
     *
     * @param file the file
     * @param range the characters to return
     * @return one id byte per character of the range
     * @throws IOException if the file cannot be read; {@link DataFormatException} naming the byte offset of the
     *     first byte that is not a–z or space, or if the file is empty
     */
    public static byte[] readIds(Path file, Range range) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new DataFormatException(file, "byte 0", "empty data set: the file has no characters");
        }
        if (range.from() < 0 || range.to() > size || range.length() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Range " + range + " does not fit a file of " + size + " bytes");
        }
        byte[] ids = new byte[(int) range.length()];
        byte[] buffer = new byte[1 << 16];
        long position = 0;
        DataFiles.requireFile(file, "the text8 file (lower-case letters and spaces)");
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    int id = idOf(buffer[i]);
                    if (id < 0) {
                        throw new DataFormatException(
                                file,
                                "byte " + (position + i),
                                String.format("unexpected byte 0x%02X; text8 holds only a-z and space", buffer[i] & 0xFF));
                    }
                    long at = position + i;
                    if (at >= range.from() && at < range.to()) {
                        ids[(int) (at - range.from())] = (byte) id;
                    }
                }
                position += n;
            }
        }
        return ids;
    }

    private static int idOf(byte b) {
        if (b == ' ') {
            return 0;
        }
        return b >= 'a' && b <= 'z' ? b - 'a' + 1 : -1;
    }
}
