package io.parallellmu.datasets.fetch;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Publishes a directory all at once: its contents are written into a temporary sibling, which is then
 * renamed into place. A failed or interrupted write leaves no half-written target behind.
 */
public final class AtomicDirectory {

    /** Writes a directory's contents. */
    @FunctionalInterface
    public interface Writer {
        /**
         * Fills the directory.
         *
         * @param dir the empty temporary directory to fill
         * @throws IOException if writing fails
         */
        void write(Path dir) throws IOException;
    }

    private AtomicDirectory() {}

    /**
     * Writes {@code target} through a temporary sibling and renames it into place. An existing target is
     * replaced.
     *
     * @param target the directory to publish
     * @param writer fills the temporary directory
     * @return {@code target}
     * @throws IOException if writing or renaming fails; the temporary directory is then removed
     */
    public static Path publish(Path target, Writer writer) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, target.getFileName() + ".tmp-");
        try {
            writer.write(temp);
            if (Files.exists(target)) {
                deleteRecursively(target);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            return target;
        } finally {
            if (Files.exists(temp)) {
                deleteRecursively(temp);
            }
        }
    }

    /**
     * Deletes a directory tree.
     *
     * @param dir the directory
     * @throws IOException if deletion fails
     */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(
                dir,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                        if (e != null) {
                            throw e;
                        }
                        Files.delete(d);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }
}
