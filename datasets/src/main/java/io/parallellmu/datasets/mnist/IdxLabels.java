package io.parallellmu.datasets.mnist;

import java.nio.file.Path;

/**
 * An IDX label file as read: one unsigned byte per record.
 *
 * @param file the file it was read from
 * @param labels the labels // (count)
 */
public record IdxLabels(Path file, byte[] labels) {

    /**
     * Returns the number of labels.
     *
     * @return the count
     */
    public int count() {
        return labels.length;
    }

    /**
     * Returns one label as an unsigned value.
     *
     * @param index the record
     * @return the label, 0..255
     */
    public int label(int index) {
        return labels[index] & 0xFF;
    }
}
