package io.parallellmu.zoo;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a DJL model parameter file ({@code <name>-0000.params}, as {@code Model.save} writes it) into a block,
 * checking everything DJL's own loader skips silently: the {@code DJL@} magic, the file version, the data type,
 * and that the file ends exactly where the block's parameters end. Every error names the file and the byte offset.
 */
final class ParameterFile {

    /** The magic a DJL model file starts with. */
    static final String MAGIC = "DJL@";
    /** The DJL model-file version this build reads (DJL's {@code BaseModel.MODEL_VERSION}). */
    static final int VERSION = 1;

    private ParameterFile() {}

    /**
     * Loads a parameter file into an uninitialised block.
     *
     * @param file the file
     * @param block the block built from the artifact's config
     * @param manager where the parameters live
     * @throws ArtifactFormatException naming the file, the offset and what was expected
     * @throws IOException if the file cannot be read
     */
    static void load(Path file, Block block, NDManager manager) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ArtifactFormatException(file, "missing; expected the model's parameters there");
        }
        try (CountingStream counting = new CountingStream(new BufferedInputStream(Files.newInputStream(file)));
                DataInputStream in = new DataInputStream(counting)) {
            try {
                readHeader(file, in, counting);
                long start = counting.count;
                try {
                    block.loadParameters(manager, in);
                } catch (MalformedModelException | IllegalArgumentException e) {
                    throw new ArtifactFormatException(file, "the parameters from byte " + start
                            + " do not fit the block built from config.json: " + e.getMessage(), e);
                }
                if (in.read() != -1) {
                    throw new ArtifactFormatException(file, "expected the file to end at byte " + (counting.count - 1)
                            + " after the block's parameters, but it goes on (" + Files.size(file) + " bytes)");
                }
            } catch (EOFException e) {
                throw new ArtifactFormatException(file, "truncated: the file ends at byte " + counting.count
                        + " before all of the block's parameters were read (is the download or copy complete?)", e);
            }
        }
    }

    /**
     * Copies a parameter file, recording another model name in its header ({@code Model.save} writes the name after
     * the magic and the version); every other byte is copied unchanged.
     *
     * @param source the file
     * @param target where the copy goes; it must not exist
     * @param name the model name the copy records, the artifact id it is renamed to
     * @throws ArtifactFormatException if the source does not start as a DJL parameter file of this version
     * @throws IOException if reading or writing fails
     */
    static void copyRenamed(Path source, Path target, String name) throws IOException {
        try (CountingStream counting = new CountingStream(new BufferedInputStream(Files.newInputStream(source)));
                DataInputStream in = new DataInputStream(counting);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(target,
                        StandardOpenOption.CREATE_NEW)))) {
            try {
                readMagicAndVersion(source, in);
                in.readUTF(); // the name to replace
            } catch (EOFException e) {
                throw new ArtifactFormatException(source, "truncated: the file ends at byte " + counting.count
                        + " inside the header", e);
            }
            out.writeBytes(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(name);
            in.transferTo(out);
        }
    }

    private static void readMagicAndVersion(Path file, DataInputStream in) throws IOException {
        byte[] magic = new byte[4];
        in.readFully(magic);
        String found = new String(magic, StandardCharsets.ISO_8859_1);
        if (!MAGIC.equals(found)) {
            throw new ArtifactFormatException(file, "not a DJL parameter file: expected the magic \"" + MAGIC
                    + "\" at byte 0, found \"" + printable(found) + "\"");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new ArtifactFormatException(file, "DJL model-file version " + version + " at byte 4; this build reads"
                    + " version " + VERSION);
        }
    }

    private static void readHeader(Path file, DataInputStream in, CountingStream counting) throws IOException {
        readMagicAndVersion(file, in);
        in.readUTF(); // the name the model was saved under
        long typeOffset = counting.count;
        String type = in.readUTF();
        if (!DataType.FLOAT32.name().equals(type)) {
            throw new ArtifactFormatException(file, "data type " + printable(type) + " at byte " + typeOffset
                    + "; zoo models are " + DataType.FLOAT32.name());
        }
        int inputs = in.readInt();
        for (int i = 0; i < inputs; i++) {
            in.readUTF();
            Shape.decode(in);
        }
        int properties = in.readInt();
        for (int i = 0; i < properties; i++) {
            in.readUTF();
            in.readUTF();
        }
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return out.toString();
    }

    /** Counts the bytes read, for error positions. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
