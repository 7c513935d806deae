package io.parallellmu.datasets.iwslt;

import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.datasets.text.Utf8Text;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A reader of GNU gettext's binary message catalogs ({@code .mo}), written from the format's description in
 * the gettext manual.
 *
 * <p>Layout: the magic number 0x950412de, whose byte order gives the file's; the revision (major 0 or 1); the
 * number of strings N; the offsets of the originals table and of the translations table. Each table holds N
 * pairs (length, offset) of NUL-terminated strings. An original may start with a context ended by 0x04, and
 * holds its plural after a NUL; a translation holds its plural forms separated by NULs. Strings are decoded in
 * the charset named by the header entry (the translation of the empty original), UTF-8 if it names none, and
 * strictly: a malformed byte is an error naming its offset.
 */
public final class MoCatalog {

    /** The magic number, in the file's byte order. */
    public static final int MAGIC = 0x950412de;

    private static final int HEADER_BYTES = 20;

    /**
     * One message.
     *
     * @param context the message context, or {@code null}
     * @param original the English singular, then the English plural if there is one
     * @param translations the translated forms (one per plural form)
     */
    public record Entry(String context, List<String> original, List<String> translations) {

        /** Freezes the lists. */
        public Entry {
            original = List.copyOf(original);
            translations = List.copyOf(translations);
        }
    }

    private MoCatalog() {}

    /**
     * Reads a catalog.
     *
     * @param file the {@code .mo} file
     * @return its messages in file order, the header entry (empty original) left out
     * @throws IOException if it cannot be read; {@link DataFormatException} naming the byte offset if it is
     *     not a well-formed catalog
     */
    public static List<Entry> read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file);
    }

    /**
     * Parses a catalog's bytes.
     *
     * @param bytes the file's contents
     * @param file the file, for messages
     * @return its messages in file order, the header entry left out
     * @throws DataFormatException naming the byte offset of what is wrong
     */
    public static List<Entry> parse(byte[] bytes, Path file) throws DataFormatException {
        if (bytes.length < HEADER_BYTES) {
            throw new DataFormatException(
                    file, "byte " + bytes.length, "truncated header: a .mo file has at least 20 bytes, this one " + bytes.length);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.getInt(0) != MAGIC) {
            buf.order(ByteOrder.BIG_ENDIAN);
            if (buf.getInt(0) != MAGIC) {
                throw new DataFormatException(
                        file,
                        "byte 0",
                        String.format(
                                "bad magic number: bytes %02x %02x %02x %02x; a .mo file starts with 0x950412de in"
                                        + " either byte order (de 12 04 95 or 95 04 12 de)",
                                bytes[0], bytes[1], bytes[2], bytes[3]));
            }
        }
        int major = buf.getInt(4) >>> 16;
        if (major > 1) {
            throw new DataFormatException(file, "byte 4", "unsupported major revision " + major + "; expected 0 or 1");
        }
        long count = Integer.toUnsignedLong(buf.getInt(8));
        long originals = table(buf, 12, count, file, "originals");
        long translations = table(buf, 16, count, file, "translations");
        byte[][] rawOriginals = new byte[(int) count][];
        byte[][] rawTranslations = new byte[(int) count][];
        for (int i = 0; i < count; i++) {
            rawOriginals[i] = string(buf, originals + 8L * i, file, "original " + i);
            rawTranslations[i] = string(buf, translations + 8L * i, file, "translation " + i);
        }
        Charset charset = charset(rawOriginals, rawTranslations, file, translations);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (rawOriginals[i].length == 0) {
                continue; // the header entry
            }
            long originalAt = Integer.toUnsignedLong(buf.getInt((int) (originals + 8L * i + 4)));
            long translationAt = Integer.toUnsignedLong(buf.getInt((int) (translations + 8L * i + 4)));
            String original = decode(bytes, originalAt, rawOriginals[i].length, StandardCharsets.UTF_8, file);
            String translation = decode(bytes, translationAt, rawTranslations[i].length, charset, file);
            String context = null;
            int eot = original.indexOf('\u0004');
            if (eot >= 0) {
                context = original.substring(0, eot);
                original = original.substring(eot + 1);
            }
            entries.add(new Entry(context, split(original), split(translation)));
        }
        return entries;
    }

    private static long table(ByteBuffer buf, int field, long count, Path file, String what) throws DataFormatException {
        long offset = Integer.toUnsignedLong(buf.getInt(field));
        if (offset + 8 * count > buf.capacity()) {
            throw new DataFormatException(
                    file,
                    "byte " + field,
                    what + " table at offset " + offset + " with " + count + " entries runs past the end of the file ("
                            + buf.capacity() + " bytes)");
        }
        return offset;
    }

    private static byte[] string(ByteBuffer buf, long descriptor, Path file, String what) throws DataFormatException {
        long length = Integer.toUnsignedLong(buf.getInt((int) descriptor));
        long offset = Integer.toUnsignedLong(buf.getInt((int) descriptor + 4));
        if (offset + length > buf.capacity()) {
            throw new DataFormatException(
                    file,
                    "byte " + descriptor,
                    what + " at offset " + offset + " with length " + length + " runs past the end of the file ("
                            + buf.capacity() + " bytes)");
        }
        return Arrays.copyOfRange(buf.array(), (int) offset, (int) (offset + length));
    }

    private static Charset charset(byte[][] originals, byte[][] translations, Path file, long table)
            throws DataFormatException {
        for (int i = 0; i < originals.length; i++) {
            if (originals[i].length == 0) {
                String header = new String(translations[i], StandardCharsets.US_ASCII);
                int at = header.toLowerCase(Locale.ROOT).indexOf("charset=");
                if (at < 0) {
                    return StandardCharsets.UTF_8;
                }
                String name = header.substring(at + "charset=".length()).split("[\\s;]", 2)[0];
                try {
                    return name.isEmpty() || name.equalsIgnoreCase("CHARSET") ? StandardCharsets.UTF_8 : Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw new DataFormatException(
                            file, "byte " + (table + 8L * i), "header names unknown charset '" + name + "'", e);
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String decode(byte[] bytes, long offset, int length, Charset charset, Path file)
            throws DataFormatException {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return Utf8Text.decode(bytes, (int) offset, length, file);
        }
        try {
            CharBuffer chars =
                    charset.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes, (int) offset, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new DataFormatException(
                    file, "byte " + offset, "string is not valid " + charset.name() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> split(String nulSeparated) {
        return List.of(nulSeparated.split("\u0000", -1));
    }
}
