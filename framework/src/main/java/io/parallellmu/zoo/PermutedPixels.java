package io.parallellmu.zoo;

import ai.djl.Application;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import io.parallellmu.zoo.translate.PixelArrayTranslator;
import io.parallellmu.zoo.translate.PixelImageTranslator;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Metadata of a permuted-pixel classifier such as psMNIST: step t of the sequence reads pixel
 * {@code permutation[t]} of the row-major image, scaled to [0, 1]; or, when pooled ({@code poolSize} k &gt; 1), the
 * pixels read in that order are average-pooled in k×k cells read in {@code cellPermutation} order, as
 * {@link PixelPooling} does. Takes a {@code float[]} (row-major, [0, 1]) or an {@code Image} of the full size and
 * gives {@code Classifications} over the labels.
 *
 * @param imageHeight image height, 28 for MNIST
 * @param imageWidth image width, 28 for MNIST
 * @param permutation a permutation of 0..height·width−1, the pixel order the data set reads
 * @param permutationSeed the seed that generated the permutations, for the record
 * @param poolSize the cell side k, dividing height and width; 1 when the pixels are not pooled
 * @param cellPermutation a permutation of the (height/k)·(width/k) cells when pooled (step s reads cell
 *     {@code cellPermutation[s]}), else {@code null}
 * @param labels the class names, by class index
 */
public record PermutedPixels(int imageHeight, int imageWidth, @StoredIn(ModelArtifact.PERMUTATION) int[] permutation,
        long permutationSeed, int poolSize, @StoredIn(ModelArtifact.CELL_PERMUTATION) int[] cellPermutation,
        List<String> labels) implements TaskMetadata {

    /** The kind: {@code "PERMUTED_PIXELS"} in {@code task.json}. */
    static final MetadataKind<PermutedPixels> KIND = new MetadataKind<>("PERMUTED_PIXELS", PermutedPixels.class,
            Application.CV.IMAGE_CLASSIFICATION, PermutedPixels::read, List.of(
                    new MetadataKind.Offer<>(float[].class, Classifications.class, PixelArrayTranslator::new),
                    new MetadataKind.Offer<>(Image.class, Classifications.class, PixelImageTranslator::new)));

    /**
     * Checks and copies the metadata.
     *
     * @throws IllegalArgumentException if a permutation is not one of the right length, k does not divide the
     *     image, or a cell order is given without pooling
     */
    public PermutedPixels {
        Permutations.require(permutation, imageHeight * imageWidth);
        permutation = permutation.clone();
        if (poolSize > 1) {
            new PixelPooling(imageHeight, imageWidth, poolSize, cellPermutation);
            cellPermutation = cellPermutation.clone();
        } else if (poolSize != 1 || cellPermutation != null) {
            throw new IllegalArgumentException("an unpooled image has pool size 1 and no cell order, got pool size "
                    + poolSize + (cellPermutation == null ? "" : " and a cell order"));
        }
        labels = List.copyOf(labels);
    }

    /** {@inheritDoc} */
    @Override
    public MetadataKind<PermutedPixels> kind() {
        return KIND;
    }

    /**
     * Returns the pixel order: step t reads pixel {@code permutation()[t]}.
     *
     * @return a copy
     */
    @Override
    public int[] permutation() {
        return permutation.clone();
    }

    /**
     * Returns the cell order of a pooled task: step s reads cell {@code cellPermutation()[s]}.
     *
     * @return a copy, or {@code null} when the pixels are not pooled
     */
    @Override
    public int[] cellPermutation() {
        return cellPermutation == null ? null : cellPermutation.clone();
    }

    /**
     * Returns the pooling of a pooled task.
     *
     * @return the pooling, or {@code null} when the pixels are not pooled
     */
    public PixelPooling pooling() {
        return poolSize > 1 ? new PixelPooling(imageHeight, imageWidth, poolSize, cellPermutation) : null;
    }

    private static PermutedPixels read(MetadataReader in) throws IOException {
        int height = in.integer("imageHeight");
        int width = in.integer("imageWidth");
        int poolSize = in.integer("poolSize", 1); // artifacts written before pooling existed store none
        int[] cells = poolSize > 1 && height % poolSize == 0 && width % poolSize == 0
                ? in.permutation(ModelArtifact.CELL_PERMUTATION, (height / poolSize) * (width / poolSize))
                : null;
        return new PermutedPixels(height, width, in.permutation(ModelArtifact.PERMUTATION, height * width),
                in.longInteger("permutationSeed"), poolSize, cells, in.strings("labels"));
    }

    /** {@inheritDoc} */
    @Override
    public boolean equals(Object o) {
        return o instanceof PermutedPixels p && p.imageHeight == imageHeight && p.imageWidth == imageWidth
                && Arrays.equals(p.permutation, permutation) && p.permutationSeed == permutationSeed
                && p.poolSize == poolSize && Arrays.equals(p.cellPermutation, cellPermutation)
                && p.labels.equals(labels);
    }

    /** {@inheritDoc} */
    @Override
    public int hashCode() {
        return Objects.hash(imageHeight, imageWidth, Arrays.hashCode(permutation), permutationSeed, poolSize,
                Arrays.hashCode(cellPermutation), labels);
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "PermutedPixels[" + imageHeight + "×" + imageWidth + ", seed " + permutationSeed + ", pool size "
                + poolSize + ", labels " + labels + "]";
    }
}
