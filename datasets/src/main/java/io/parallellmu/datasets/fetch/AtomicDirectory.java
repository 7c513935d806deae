package io.parallellmu.datasets.fetch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

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

    /** Work done while holding a target's fetch lock. */
    @FunctionalInterface
    public interface LockedWork {
        /**
         * Does the work.
         *
         * @return the published directory
         * @throws IOException if it fails
         */
        Path run() throws IOException;
    }

    /** The suffixes of the scratch and temporary folders that fetching a target leaves beside it. */
    private static final List<String> SCRATCH = List.of(".work-", ".download-", ".tmp-");

    private AtomicDirectory() {}

    /**
     * Runs the fetching of a target while holding its lock ({@code .<name>.lock} beside it, across processes), so
     * that only one process fetches it at a time; first deletes the scratch folders ({@code <name>.work-*},
     * {@code .download-*}, {@code .tmp-*}) that a fetch killed earlier left, which no live fetch can own then.
     *
     * @param target the directory to be published
     * @param work the fetch
     * @return what the work returns
     * @throws IOException if locking, cleaning or the work fails
     */
    public static synchronized Path whileLocked(Path target, LockedWork work) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        try (FileChannel channel = FileChannel.open(parent.resolve("." + name + ".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            try (Stream<Path> siblings = Files.list(parent)) {
                for (Path stale : siblings.filter(p -> SCRATCH.stream()
                        .anyMatch(suffix -> p.getFileName().toString().startsWith(name + suffix))).toList()) {
                    deleteRecursively(stale);
                }
            }
            return work.run();
        }
    }

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
        Path temp = sharedTempDirectory(parent, target.getFileName() + ".tmp-");
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
    /**
     * Creates a temporary directory readable by other users ({@code rwxr-xr-x} where POSIX permissions exist), not
     * owner-only like {@link Files#createTempDirectory}: the data cache is shared, and the directory is renamed into
     * place as it is.
     *
     * @param parent where to create it
     * @param prefix its name's prefix
     * @return the directory
     * @throws IOException if it cannot be created
     */
    public static Path sharedTempDirectory(Path parent, String prefix) throws IOException {
        Path dir = Files.createTempDirectory(parent, prefix);
        if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }

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
