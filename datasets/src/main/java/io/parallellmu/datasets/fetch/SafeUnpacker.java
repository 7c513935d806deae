package io.parallellmu.datasets.fetch;

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
 * Unpacks a tar.gz or zip archive, or a tar stream, into a directory, refusing what could write outside it:
 * absolute entry names and names that climb out with {@code ..}. Links are refused in archives (a link pointing
 * out is named as such; the official archives and npm tarballs hold none) and skipped in tar streams (Debian
 * packages hold some, and the stand-ins read only regular files). Only the entries under the unpacking's prefix are
 * written, without the prefix. The unpacked total is capped, so that a corrupt or hostile archive cannot fill the
 * disk. The caller unpacks into a scratch or temporary directory and deletes it when this fails.
 */
public final class SafeUnpacker {

    /** What is done with a symbolic or hard link entry. */
    private enum Links {
        REFUSE,
        SKIP
    }

    private final String archive;
    private final String prefix;
    private final long maxBytes;
    private final Path target;
    private final Links links;
    private long unpacked;

    private SafeUnpacker(String archive, String prefix, long maxBytes, Path target, Links links) {
        this.archive = archive;
        this.prefix = prefix;
        this.maxBytes = maxBytes;
        this.target = target.toAbsolutePath().normalize();
        this.links = links;
    }

    /**
     * Unpacks an archive, refusing any link in it.
     *
     * @param archive the tar.gz or zip file
     * @param unpacking its format, the prefix to unpack and the size cap
     * @param target the (temporary) directory to fill
     * @throws FetchException naming the archive and entry when an entry is unsafe, or the archive and the cap when
     *     it unpacks to more
     * @throws IOException if the archive is corrupt or cannot be read
     */
    public static void unpack(Path archive, Unpacking unpacking, Path target) throws IOException {
        SafeUnpacker unpacker =
                new SafeUnpacker(archive.toString(), unpacking.prefix(), unpacking.maxBytes(), target, Links.REFUSE);
        switch (unpacking.format()) {
            case TAR_GZ -> {
                try (InputStream in =
                        new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
                    unpacker.tar(in);
                }
            }
            case ZIP -> unpacker.zip(archive);
            case NONE -> throw new IllegalArgumentException(archive + " is not an archive");
        }
    }

    /**
     * Unpacks a whole uncompressed tar stream, such as the file system of a Debian package that
     * {@code dpkg-deb --fsys-tarfile} writes, skipping its links. What follows the archive's end in the stream is
     * read and counted against the cap too, so that the stream's writer can finish.
     *
     * @param tar the tar stream; not closed
     * @param archive what the stream comes from, for messages
     * @param maxBytes the most bytes it may unpack to
     * @param target the (scratch) directory to fill
     * @throws FetchException naming the archive and entry when an entry is unsafe, or the archive and the cap when
     *     it unpacks to more
     * @throws IOException if the stream is not a tar archive or cannot be read
     */
    public static void unpackTar(InputStream tar, String archive, long maxBytes, Path target) throws IOException {
        new SafeUnpacker(archive, "", maxBytes, target, Links.SKIP).tar(tar);
    }

    private void tar(InputStream stream) throws IOException {
        TarArchiveInputStream in = new TarArchiveInputStream(stream);
        for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
            Path dest = destination(entry.getName());
            if (entry.isSymbolicLink() || entry.isLink()) {
                if (links == Links.SKIP) {
                    continue;
                }
                Path base = entry.isSymbolicLink() ? within(entry.getName()).getParent() : target;
                refuseLink(entry.getName(), entry.getLinkName(), base);
            }
            if (!entry.isDirectory() && !entry.isFile()) {
                throw unsafe(entry.getName(), "is not a plain file or folder");
            }
            write(dest, entry.isDirectory(), in);
        }
        byte[] buffer = new byte[1 << 16];
        for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
            count(n, "after the archive's end");
        }
    }

    private void zip(Path file) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
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
                count(n, "at " + target.relativize(dest));
                out.write(buffer, 0, n);
            }
        }
    }

    private void count(int bytes, String where) throws FetchException {
        unpacked += bytes;
        if (unpacked > maxBytes) {
            throw new FetchException(archive + ": unpacks to more than " + maxBytes + " bytes (" + where
                    + "); refused as corrupt or hostile");
        }
    }

    private FetchException unsafe(String entry, String problem) {
        return new FetchException(archive + ": entry '" + entry + "' " + problem + "; the archive is refused");
    }
}
