package io.parallellmu.reports.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes files so that readers, and a run killed mid-write, only ever see the old or the new
 * content: write a temporary file in the same directory, force it to disk, then move it over the
 * target atomically.
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the whole content.
         *
         * @param out the stream to write to; closed by the caller
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Replaces {@code target} with the bytes {@code content} writes, atomically. The parent
     * directories are created. When {@code content} throws, the target is left untouched and the
     * temporary file is deleted; the error names the target and says that its old content is intact.
     *
     * @param target the file to create or replace
     * @param content writes the new content
     * @throws IOException when writing or moving fails
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: its owner-only permissions would pass on to the target.
        Path temp = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp,
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, absolute,
                    StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Such as a full disk: say which file, and that nothing was lost.
            throw new IOException("could not write " + absolute + " (" + e.getMessage() + "); "
                    + (Files.exists(absolute) ? "its previous content is left intact"
                            : "it was not created") + ", and no partial file remains", e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Replaces {@code target} with a UTF-8 text, atomically.
     *
     * @param target the file to create or replace
     * @param text the new content
     * @throws IOException when writing or moving fails
     */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
