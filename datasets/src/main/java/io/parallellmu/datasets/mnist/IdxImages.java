package io.parallellmu.datasets.mnist;

import java.nio.file.Path;

/**
 * An IDX image file as read: {@code count} images of {@code rows x cols} unsigned bytes, row-major.
 *
 * @param file the file it was read from
 * @param count the number of images
 * @param rows the number of rows per image
 * @param cols the number of columns per image
 * @param pixels the pixels of all images, image after image // (count, rows, cols)
 */
public record IdxImages(Path file, int count, int rows, int cols, byte[] pixels) {

    /**
     * Returns the number of pixels per image.
     *
     * @return {@code rows * cols}
     */
    public int pixelsPerImage() {
        return rows * cols;
    }
}
