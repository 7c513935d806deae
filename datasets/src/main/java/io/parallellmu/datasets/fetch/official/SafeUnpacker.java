package io.parallellmu.datasets.fetch.official;

import io.parallellmu.datasets.fetch.FetchException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a tar.gz or zip archive into a directory, refusing what could write outside it: absolute entry
 * names, names that climb out with {@code ..}, and symbolic or hard links (a link pointing out is named as
 * such; the official archives hold no links at all, so any link is refused). Only the entries under the
 * unpacking's prefix are written, without the prefix. The unpacked total is capped, so that a corrupt or
 * hostile archive cannot fill the disk. The caller unpacks into a temporary directory and publishes it only
 * when this returns.
 */
final class SafeUnpacker {

    private final Path archive;
    private final Unpacking unpacking;
    private final Path target;
    private long unpacked;

    private SafeUnpacker(Path archive, Unpacking unpacking, Path target) {
        this.archive = archive;
        this.unpacking = unpacking;
        this.target = target.toAbsolutePath().normalize();
    }

    /**
     * Unpacks an archive.
     *
     * @param archive the tar.gz or zip file
     * @param unpacking its format, the prefix to unpack and the size cap
     * @param target the (temporary) directory to fill
     * @throws FetchException naming the archive and entry when an entry is unsafe or the cap is exceeded
     * @throws IOException if the archive is corrupt or cannot be read
     */
    static void unpack(Path archive, Unpacking unpacking, Path target) throws IOException {
        SafeUnpacker unpacker = new SafeUnpacker(archive, unpacking, target);
        switch (unpacking.format()) {
            case TAR_GZ -> unpacker.tar();
            case ZIP -> unpacker.zip();
            case NONE -> throw new IllegalArgumentException(archive + " is not an archive");
        }
    }

    private void tar() throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(
                new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(archive))))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path dest = destination(entry.getName());
                if (entry.isSymbolicLink() || entry.isLink()) {
                    Path base = entry.isSymbolicLink() ? within(entry.getName()).getParent() : target;
                    refuseLink(entry.getName(), entry.getLinkName(), base);
                }
                if (!entry.isDirectory() && !entry.isFile()) {
                    throw unsafe(entry.getName(), "is not a plain file or folder");
                }
                write(dest, entry.isDirectory(), in);
            }
        }
    }

    private void zip() throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                Path dest = destination(entry.getName());
                if (entry.isUnixSymlink()) {
                    refuseLink(entry.getName(), zip.getUnixSymlink(entry), within(entry.getName()).getParent());
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    write(dest, entry.isDirectory(), in);
                }
            }
        }
    }

    /** Returns where an entry lands in the target, or null when it lies outside the prefix. */
    private Path destination(String name) throws FetchException {
        within(name);
        String prefix = unpacking.prefix();
        if (!name.startsWith(prefix) || name.length() == prefix.length()) {
            return null;
        }
        return within(name.substring(prefix.length()));
    }

    /** Resolves a name inside the target, refusing absolute names and names that climb out. */
    private Path within(String name) throws FetchException {
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            throw unsafe(name, "has an absolute path");
        }
        Path resolved = target.resolve(name).normalize();
        if (!resolved.startsWith(target)) {
            throw unsafe(name, "would land outside the target directory");
        }
        return resolved;
    }

    private void refuseLink(String name, String linkTarget, Path base) throws FetchException {
        Path resolved = base.resolve(linkTarget).normalize();
        if (linkTarget.startsWith("/") || !resolved.startsWith(target)) {
            throw unsafe(name, "is a link to " + linkTarget + ", which points outside the target directory");
        }
        throw unsafe(name, "is a link to " + linkTarget + "; links are not unpacked");
    }

    private void write(Path dest, boolean directory, InputStream in) throws IOException {
        if (dest == null) {
            return;
        }
        if (directory) {
            Files.createDirectories(dest);
            return;
        }
        Files.createDirectories(dest.getParent());
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(dest)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                unpacked += n;
                if (unpacked > unpacking.maxBytes()) {
                    throw new FetchException(archive + ": unpacks to more than " + unpacking.maxBytes()
                            + " bytes (at " + target.relativize(dest) + "); refused as corrupt or hostile");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private FetchException unsafe(String entry, String problem) {
        return new FetchException(archive + ": entry '" + entry + "' " + problem + "; the archive is refused");
    }
}
