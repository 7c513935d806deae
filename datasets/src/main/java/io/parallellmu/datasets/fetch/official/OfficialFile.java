package io.parallellmu.datasets.fetch.official;

import java.net.URI;
import java.util.List;

/**
 * One file of an official data set, as published: its name, where it can be downloaded (the canonical URL
 * first, then public mirrors), and the pinned size and checksums with where they were published.
 *
 * @param name the file name, as served and as cached while downloading
 * @param urls the URLs to try in order; the canonical one first
 * @param size the published size in bytes, or {@link #UNKNOWN_SIZE} where none is published
 * @param sha256 the published SHA-256 in lower-case hex, or {@code null} where none is published (the file
 *     is then trusted on first use: its SHA-256 is recorded on the first download and enforced afterwards)
 * @param md5 the published MD5 in lower-case hex, or {@code null}; checked in addition when present
 * @param checksumSource where the size and checksums were published
 */
public record OfficialFile(String name, List<URI> urls, long size, String sha256, String md5, String checksumSource) {

    /** The size of a file whose size is not published. */
    public static final long UNKNOWN_SIZE = -1;

    /** Freezes the URL list. */
    public OfficialFile {
        urls = List.copyOf(urls);
    }

    /**
     * Returns whether no SHA-256 is published for this file, so that it is trusted on first use.
     *
     * @return true when the SHA-256 is recorded on first download rather than pinned
     */
    public boolean trustedOnFirstUse() {
        return sha256 == null;
    }

    /**
     * Returns this file with other pins, as set by a checksum override.
     *
     * @param newSize the size, or {@link #UNKNOWN_SIZE}
     * @param newSha256 the SHA-256
     * @param source where the override came from
     * @return the file with the new pins and no MD5
     */
    public OfficialFile withPins(long newSize, String newSha256, String source) {
        return new OfficialFile(name, urls, newSize, newSha256, null, source);
    }

    /**
     * Returns this file served from other base URLs.
     *
     * @param bases base URLs, each ending in {@code /}; the file name is appended
     * @return the file with the new URLs
     */
    public OfficialFile withBases(List<URI> bases) {
        return new OfficialFile(name, bases.stream().map(b -> b.resolve(name)).toList(), size, sha256, md5, checksumSource);
    }
}
