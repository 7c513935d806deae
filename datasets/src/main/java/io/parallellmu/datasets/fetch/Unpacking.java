package io.parallellmu.datasets.fetch;

/**
 * How a downloaded archive is unpacked ({@link SafeUnpacker}): into a task's official layout, or a package's files.
 *
 * @param format the archive format, or {@link Format#NONE} when the files are used as downloaded
 * @param prefix for archives, the folder inside the archive whose contents land in the target directory
 *     (empty: the whole archive); entries outside it are not unpacked
 * @param maxBytes the most bytes the archive may unpack to; more is refused as a corrupt or hostile archive
 */
public record Unpacking(Format format, String prefix, long maxBytes) {

    /** Archive formats. */
    public enum Format {
        /** The downloaded files are placed in the task directory as they are. */
        NONE,
        /** A gzipped tar archive. */
        TAR_GZ,
        /** A zip archive. */
        ZIP
    }

    /**
     * Returns the unpacking of plain files, placed as downloaded.
     *
     * @return the unpacking
     */
    public static Unpacking none() {
        return new Unpacking(Format.NONE, "", Long.MAX_VALUE);
    }
}
