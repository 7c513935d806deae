package io.parallellmu.reports.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive locks on a file's read-change-write, across processes (an OS lock on a sibling
 * {@code .<name>.lock} file, which stays in place) and across threads of this JVM (which the OS
 * lock does not cover).
 */
final class FileLocks {

    /** An update done under the lock. */
    @FunctionalInterface
    interface Update {
        /**
         * Runs the update.
         *
         * @throws IOException when it fails
         */
        void run() throws IOException;
    }

    private static final ConcurrentMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private FileLocks() {}

    /**
     * Runs an update while holding the file's lock, waiting for other holders.
     *
     * @param file the file the update rewrites
     * @param update the update
     * @throws IOException when locking or the update fails
     */
    static void whileLocked(Path file, Update update) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path lockFile = absolute.resolveSibling("." + absolute.getFileName() + ".lock");
        ReentrantLock threads = IN_JVM.computeIfAbsent(absolute, key -> new ReentrantLock());
        threads.lock();
        try {
            Files.createDirectories(absolute.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                update.run();
            }
        } finally {
            threads.unlock();
        }
    }
}
