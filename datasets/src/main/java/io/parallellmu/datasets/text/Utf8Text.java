package io.parallellmu.datasets.text;

import io.parallellmu.datasets.DataFiles;
import io.parallellmu.datasets.DataFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict UTF-8 decoding: a malformed byte sequence is an error naming the file, the byte offset and the line,
 * never a silent replacement character.
 */
public final class Utf8Text {

    private Utf8Text() {}

    /**
     * Decodes bytes as strict UTF-8.
     *
     * @param bytes the encoded text
     * @param file the file the bytes came from, for the error message
     * @return the text
     * @throws DataFormatException naming the byte offset and line of the first malformed sequence
     */
    public static String decode(byte[] bytes, Path file) throws DataFormatException {
        return decode(bytes, 0, bytes.length, file);
    }

    /**
     * Decodes a slice of bytes as strict UTF-8; error offsets are counted from the start of {@code bytes}.
     *
     * @param bytes the buffer
     * @param offset the first byte of the text
     * @param length the number of bytes
     * @param file the file the bytes came from, for the error message
     * @return the text
     * @throws DataFormatException naming the byte offset and line of the first malformed sequence
     */
    public static String decode(byte[] bytes, int offset, int length, Path file) throws DataFormatException {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(length); // UTF-8 never needs more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw new DataFormatException(
                    file,
                    "byte " + at + " (line " + lineOf(bytes, at) + ")",
                    "invalid UTF-8: " + describe(bytes, at, result.length()));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /**
     * Reads a file as strict UTF-8 and splits it into lines on {@code \n}, dropping a {@code \r} before it.
     * A final line terminator does not start an empty last line.
     *
     * @param file the file
     * @return its lines, in order
     * @throws IOException if the file cannot be read or is not valid UTF-8
     */
    public static List<String> readLines(Path file) throws IOException {
        DataFiles.requireFile(file, "a UTF-8 text file");
        String text = decode(Files.readAllBytes(file), file);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(text.substring(start, stop));
            start = end + 1;
        }
        return lines;
    }

    private static long lineOf(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String describe(byte[] bytes, int at, int length) {
        StringBuilder sb = new StringBuilder("malformed sequence");
        for (int i = at; i < Math.min(bytes.length, at + Math.max(1, length)); i++) {
            sb.append(String.format(" 0x%02X", bytes[i] & 0xFF));
        }
        return sb.toString();
    }
}
