package io.parallellmu.datasets.mnist;

import io.parallellmu.datasets.DataFiles;
import io.parallellmu.datasets.DataFormatException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, plain or gzipped (a name ending in {@code .gz}), as MNIST ships them: big-endian, an
 * image file is magic {@value #IMAGES_MAGIC}, count, rows, columns (uint32 each) and then uint8 pixels; a
 * label file is magic {@value #LABELS_MAGIC}, count and uint8 labels.
 *
 * <p>Any deviation (wrong magic, an empty set, a truncated file, trailing bytes, corrupt gzip) throws a
 * {@link DataFormatException} naming the file and the byte offset, counted in the decompressed stream for
 * gzipped files.
 */
public final class IdxReader {

    /** The magic number of an IDX file of unsigned-byte images (3 dimensions). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** The magic number of an IDX file of unsigned-byte labels (1 dimension). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;
    private static final int BUFFER = 1 << 16;
    /** Bytes read past the declared size, so that a few trailing bytes are counted exactly. */
    private static final int SLACK = BUFFER;
    /** The most data bytes one file may declare: what one Java array holds. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8 - SLACK;

    private IdxReader() {}

    /**
     * Reads an image file.
     *
     * @param file the file, plain or {@code .gz}
     * @return the images
     * @throws DataFormatException if the file does not follow the format
     * @throws IOException if the file cannot be read
     */
    public static IdxImages readImages(Path file) throws IOException {
        return parseImages(file, readDecompressed(file));
    }

    /**
     * Reads a label file.
     *
     * @param file the file, plain or {@code .gz}
     * @return the labels
     * @throws DataFormatException if the file does not follow the format
     * @throws IOException if the file cannot be read
     */
    public static IdxLabels readLabels(Path file) throws IOException {
        return parseLabels(file, readDecompressed(file));
    }

    /**
     * Reads a file's bytes, decompressing it when its name ends in {@code .gz}. The read is bounded by the size
     * that the IDX header declares (magic, dimension sizes, element type): a stream that goes on past it, such as a
     * small gzip file that inflates to gigabytes, is stopped there and reported, never held in memory.
     *
     * @param file the file
     * @return the (decompressed) bytes: at most the declared size plus {@value #SLACK} bytes, so that a short tail
     *     is reported exactly by the parser
     * @throws DataFormatException if the gzip stream is corrupt or truncated, or longer than its header declares
     * @throws IOException if the file cannot be read
     */
    public static byte[] readDecompressed(Path file) throws IOException {
        DataFiles.requireFile(file, "an IDX file" + (isGzip(file) ? ", gzipped" : ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream(BUFFER);
        try (InputStream in = isGzip(file)
                ? new GZIPInputStream(Files.newInputStream(file), BUFFER)
                : Files.newInputStream(file)) {
            if (copy(in, out, 4) < 4 || !knownType(out.toByteArray())) {
                return out.toByteArray(); // the parser names the short or wrong magic number
            }
            int dimensions = out.toByteArray()[3] & 0xff;
            if (copy(in, out, 4L * dimensions) < 4L * dimensions) {
                return out.toByteArray();
            }
            long declared = declaredSize(file, out.toByteArray(), dimensions);
            copy(in, out, declared + SLACK - out.size());
            if (in.read() >= 0) {
                throw new DataFormatException(file, position(file, declared + SLACK), (isGzip(file) ? "decompresses"
                        : "goes on") + " past the " + declared + " bytes its header declares; stopped reading after "
                        + (declared + SLACK) + " bytes (a damaged or hostile file)");
            }
        } catch (EOFException e) {
            throw new DataFormatException(
                    file, position(file, out.size()), "gzip stream ends early (truncated .gz file)", e);
        } catch (ZipException e) {
            throw new DataFormatException(file, position(file, out.size()), "corrupt gzip data: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Copies up to {@code limit} bytes; returns how many were copied (fewer at the end of the stream). */
    private static long copy(InputStream in, ByteArrayOutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long copied = 0;
        while (copied < limit) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            copied += n;
        }
        return copied;
    }

    /** Whether the first four bytes are an IDX magic number: two zero bytes, a known element type, dimensions. */
    private static boolean knownType(byte[] magic) {
        return magic[0] == 0 && magic[1] == 0 && elementSize(magic[2]) > 0 && magic[3] > 0;
    }

    private static int elementSize(byte type) {
        return switch (type) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> 0;
        };
    }

    /** The whole file's size as its header declares it: header, then the product of the dimensions' elements. */
    private static long declaredSize(Path file, byte[] header, int dimensions) throws DataFormatException {
        ByteBuffer sizes = ByteBuffer.wrap(header);
        long size = elementSize(header[2]);
        for (int i = 0; i < dimensions; i++) {
            size *= unsigned(sizes.getInt(4 + 4 * i)); // below 2^31 × 2^32: no overflow
            if (size > MAX_BYTES) {
                throw new DataFormatException(file, position(file, 4 + 4 * i), "the header declares more than "
                        + MAX_BYTES + " bytes of data, too many to load");
            }
        }
        return 4 + 4L * dimensions + size;
    }

    /**
     * Parses the bytes of an image file.
     *
     * @param file the file the bytes came from, for messages
     * @param bytes the decompressed bytes
     * @return the images
     * @throws DataFormatException if the bytes do not follow the format
     */
    public static IdxImages parseImages(Path file, byte[] bytes) throws DataFormatException {
        requireHeader(file, bytes, IMAGES_HEADER, IMAGES_MAGIC, "images");
        ByteBuffer header = ByteBuffer.wrap(bytes); // big-endian by default
        long count = unsigned(header.getInt(4));
        long rows = unsigned(header.getInt(8));
        long cols = unsigned(header.getInt(12));
        if (rows == 0 || cols == 0) {
            throw new DataFormatException(file, position(file, 8), "image size " + rows + "x" + cols + " is empty");
        }
        requireBody(file, bytes, IMAGES_HEADER, count, rows * cols, "images");
        int ints = Math.toIntExact(count * rows * cols);
        return new IdxImages(
                file,
                (int) count,
                (int) rows,
                (int) cols,
                Arrays.copyOfRange(bytes, IMAGES_HEADER, IMAGES_HEADER + ints));
    }

    /**
     * Parses the bytes of a label file.
     *
     * @param file the file the bytes came from, for messages
     * @param bytes the decompressed bytes
     * @return the labels
     * @throws DataFormatException if the bytes do not follow the format
     */
    public static IdxLabels parseLabels(Path file, byte[] bytes) throws DataFormatException {
        requireHeader(file, bytes, LABELS_HEADER, LABELS_MAGIC, "labels");
        long count = unsigned(ByteBuffer.wrap(bytes).getInt(4));
        requireBody(file, bytes, LABELS_HEADER, count, 1, "labels");
        return new IdxLabels(file, Arrays.copyOfRange(bytes, LABELS_HEADER, LABELS_HEADER + (int) count));
    }

    /**
     * Describes a byte offset in a file, saying when it counts decompressed bytes.
     *
     * @param file the file
     * @param offset the offset
     * @return {@code byte N}, or {@code decompressed byte N} for a gzipped file
     */
    static String position(Path file, long offset) {
        return (isGzip(file) ? "decompressed byte " : "byte ") + offset;
    }

    private static boolean isGzip(Path file) {
        return file.getFileName().toString().endsWith(".gz");
    }

    private static void requireHeader(Path file, byte[] bytes, int headerSize, int magic, String what)
            throws DataFormatException {
        if (bytes.length < 4) {
            throw new DataFormatException(
                    file, position(file, bytes.length), "file ends inside the magic number (" + bytes.length + " bytes)");
        }
        int found = ByteBuffer.wrap(bytes).getInt(0);
        if (found != magic) {
            throw new DataFormatException(file, position(file, 0), wrongMagic(found, magic, what));
        }
        if (bytes.length < headerSize) {
            throw new DataFormatException(
                    file,
                    position(file, bytes.length),
                    "file ends inside the " + headerSize + "-byte header of an IDX " + what + " file (truncated)");
        }
        long count = unsigned(ByteBuffer.wrap(bytes).getInt(4));
        if (count == 0) {
            throw new DataFormatException(file, position(file, 4), "the header declares 0 " + what + " (empty data set)");
        }
    }

    private static String wrongMagic(int found, int expected, String what) {
        String hint = "";
        if ((found >>> 16) == 0x1f8b) {
            hint = "; the file is gzipped, so its name must end in .gz";
        } else if (found == IMAGES_MAGIC || found == LABELS_MAGIC) {
            hint = "; this is an IDX " + (found == IMAGES_MAGIC ? "images" : "labels") + " file";
        }
        return String.format(
                "magic number 0x%08x (%d), expected 0x%08x (%d) for IDX %s%s", found, found, expected, expected, what, hint);
    }

    private static void requireBody(Path file, byte[] bytes, int headerSize, long count, long recordSize, String what)
            throws DataFormatException {
        long expected = headerSize + count * recordSize;
        if (expected > Integer.MAX_VALUE - 8) {
            throw new DataFormatException(
                    file, position(file, 4), "the header declares " + count + " " + what + ", too many to load");
        }
        if (bytes.length < expected) {
            long complete = (bytes.length - headerSize) / recordSize;
            throw new DataFormatException(
                    file,
                    position(file, bytes.length),
                    "file ends after "
                            + complete
                            + " of the "
                            + count
                            + " "
                            + what
                            + " its header declares (truncated; expected "
                            + expected
                            + " bytes)");
        }
        if (bytes.length > expected) {
            throw new DataFormatException(
                    file,
                    position(file, expected),
                    (bytes.length - expected)
                            + " unexpected bytes after the "
                            + count
                            + " "
                            + what
                            + " its header declares");
        }
    }

    private static long unsigned(int value) {
        return Integer.toUnsignedLong(value);
    }
}
