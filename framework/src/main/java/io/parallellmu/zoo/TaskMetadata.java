package io.parallellmu.zoo;

import ai.djl.Application;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * What a translator needs besides the weights: how raw inputs become the model's sequence and what its outputs
 * mean. Plain data (no data-set classes), so that the framework can read it without the datasets module.
 *
 * <p>Stored in an artifact as {@code task.json}, with the psMNIST permutation in {@code permutation.txt}, a pooled
 * model's cell order in {@code cell-permutation.txt}, and vocabularies in {@code vocabulary.txt} and
 * {@code output-vocabulary.txt} (one token per line, the line number being its id).
 */
public final class TaskMetadata {

    /** How raw inputs are turned into the model's sequence. */
    public enum Kind {
        /**
         * An image whose pixels, scaled to [0, 1], are read in a fixed permuted order (psMNIST); or, when pooled,
         * whose k×k cell means are read in a fixed permuted cell order ({@link PixelPooling}).
         */
        PERMUTED_PIXELS,
        /** A history window of a scalar series; the output is the value {@code horizon} steps later. */
        FORECAST,
        /** A text, tokenised and mapped to ids through a vocabulary; the output is a class. */
        TEXT_CLASSIFICATION,
        /** Anything else: inputs and outputs are raw {@code NDList}s; vocabularies, if any, are for the record. */
        SEQUENCE;

        /**
         * Returns the DJL application a model of this kind serves.
         *
         * @return the application
         */
        public Application application() {
            switch (this) {
                case PERMUTED_PIXELS:
                    return Application.CV.IMAGE_CLASSIFICATION;
                case FORECAST:
                    return Application.TimeSeries.FORECASTING;
                case TEXT_CLASSIFICATION:
                    return Application.NLP.TEXT_CLASSIFICATION;
                default:
                    return Application.UNDEFINED;
            }
        }
    }

    private final Kind kind;
    private final List<String> labels;
    private final int imageHeight;
    private final int imageWidth;
    private final int[] permutation;
    private final long permutationSeed;
    private final int poolSize;
    private final int[] cellPermutation;
    private final float inputMean;
    private final float inputStd;
    private final int horizon;
    private final List<String> vocabulary;
    private final List<String> outputVocabulary;
    private final String tokenizer;
    private final boolean lowerCase;
    private final int unknownId;
    private final int maxLength;

    private TaskMetadata(Kind kind, List<String> labels, int imageHeight, int imageWidth, int[] permutation,
            long permutationSeed, int poolSize, int[] cellPermutation, float inputMean, float inputStd, int horizon,
            List<String> vocabulary, List<String> outputVocabulary, String tokenizer, boolean lowerCase,
            int unknownId, int maxLength) {
        this.kind = kind;
        this.labels = List.copyOf(labels);
        this.imageHeight = imageHeight;
        this.imageWidth = imageWidth;
        this.permutation = permutation == null ? null : permutation.clone();
        this.permutationSeed = permutationSeed;
        this.poolSize = poolSize;
        this.cellPermutation = cellPermutation == null ? null : cellPermutation.clone();
        this.inputMean = inputMean;
        this.inputStd = inputStd;
        this.horizon = horizon;
        this.vocabulary = vocabulary == null ? null : List.copyOf(vocabulary);
        this.outputVocabulary = outputVocabulary == null ? null : List.copyOf(outputVocabulary);
        this.tokenizer = tokenizer;
        this.lowerCase = lowerCase;
        this.unknownId = unknownId;
        this.maxLength = maxLength;
    }

    /**
     * Metadata of a permuted-pixel classifier such as psMNIST: step t of the sequence reads pixel
     * {@code permutation[t]} of the row-major image, scaled to [0, 1].
     *
     * @param height image height, 28 for MNIST
     * @param width image width, 28 for MNIST
     * @param permutation a permutation of 0..height·width−1
     * @param seed the seed that generated the permutation, for the record
     * @param labels the class names, by class index
     * @return the metadata
     * @throws IllegalArgumentException if {@code permutation} is not a permutation of the right length
     */
    public static TaskMetadata permutedPixels(int height, int width, int[] permutation, long seed,
            List<String> labels) {
        requirePermutation(permutation, height * width);
        return new TaskMetadata(Kind.PERMUTED_PIXELS, labels, height, width, permutation, seed, 1, null, 0f, 1f, 0,
                null, null, null, false, 0, 0);
    }

    /**
     * Metadata of a pooled permuted-pixel classifier such as psMNIST at 196 or 49 steps: the image's pixels, scaled
     * to [0, 1] and read in {@code permutation} order, are average-pooled in {@code poolSize}×{@code poolSize} cells
     * read in {@code cellPermutation} order, as {@link PixelPooling} does.
     *
     * @param height image height, 28 for MNIST
     * @param width image width, 28 for MNIST
     * @param permutation a permutation of 0..height·width−1, the pixel order the data set reads
     * @param seed the seed that generated the permutations, for the record
     * @param poolSize the cell side k, dividing height and width
     * @param cellPermutation a permutation of the (height/k)·(width/k) cells: step s reads cell
     *     {@code cellPermutation[s]}
     * @param labels the class names, by class index
     * @return the metadata
     * @throws IllegalArgumentException if a permutation is not one of the right length or k does not divide the
     *     image
     */
    public static TaskMetadata pooledPixels(int height, int width, int[] permutation, long seed, int poolSize,
            int[] cellPermutation, List<String> labels) {
        requirePermutation(permutation, height * width);
        new PixelPooling(height, width, poolSize, cellPermutation);
        return new TaskMetadata(Kind.PERMUTED_PIXELS, labels, height, width, permutation, seed, poolSize,
                cellPermutation, 0f, 1f, 0, null, null, null, false, 0, 0);
    }

    /**
     * Metadata of a causal forecaster such as Mackey-Glass: the model reads {@code (x − mean) / std} and its
     * output at the last step, times std plus mean, is the value {@code horizon} steps later.
     *
     * @param horizon how many steps ahead the output lies
     * @param mean the normalisation offset
     * @param std the normalisation scale, positive
     * @return the metadata
     */
    public static TaskMetadata forecast(int horizon, float mean, float std) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
        }
        if (!(std > 0) || !Float.isFinite(mean)) {
            throw new IllegalArgumentException("std must be positive and mean finite, got std " + std + ", mean "
                    + mean);
        }
        return new TaskMetadata(Kind.FORECAST, List.of(), 0, 0, null, 0, 1, null, mean, std, horizon, null, null,
                null, false, 0, 0);
    }

    /**
     * Metadata of a text classifier.
     *
     * @param vocabulary the tokens by id
     * @param labels the class names, by class index
     * @param tokenizer the class name of the DJL {@code Tokenizer} used in training, with a public constructor
     *     taking the lower-case flag (boolean) or none
     * @param lowerCase the tokenizer's lower-case flag
     * @param unknownId the id of tokens outside the vocabulary
     * @param maxLength the longest token sequence the model was trained on; longer texts are cut
     * @return the metadata
     */
    public static TaskMetadata textClassification(List<String> vocabulary, List<String> labels, String tokenizer,
            boolean lowerCase, int unknownId, int maxLength) {
        if (unknownId < 0 || unknownId >= vocabulary.size()) {
            throw new IllegalArgumentException("unknownId must be in [0, " + vocabulary.size() + "), got "
                    + unknownId);
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
        }
        return new TaskMetadata(Kind.TEXT_CLASSIFICATION, labels, 0, 0, null, 0, 1, null, 0f, 1f, 0, vocabulary,
                null, tokenizer, lowerCase, unknownId, maxLength);
    }

    /**
     * Metadata of a model used through raw {@code NDList}s only.
     *
     * @return the metadata
     */
    public static TaskMetadata sequence() {
        return sequence(null, null);
    }

    /**
     * Metadata of a model used through raw {@code NDList}s, with the vocabularies its token ids mean, so that a
     * user can encode inputs and decode outputs as in training.
     *
     * @param inputVocabulary the input tokens by id, or {@code null}
     * @param outputVocabulary the output tokens by id (a translation's target side), or {@code null}
     * @return the metadata
     */
    public static TaskMetadata sequence(List<String> inputVocabulary, List<String> outputVocabulary) {
        return new TaskMetadata(Kind.SEQUENCE, List.of(), 0, 0, null, 0, 1, null, 0f, 1f, 0, inputVocabulary,
                outputVocabulary, null, false, 0, 0);
    }

    /**
     * Returns the class names {@code 0, 1, …, n−1}.
     *
     * @param classes n
     * @return the names
     */
    public static List<String> numberedLabels(int classes) {
        return IntStream.range(0, classes).mapToObj(Integer::toString).toList();
    }

    static void requirePermutation(int[] permutation, int length) {
        if (permutation == null || permutation.length != length) {
            throw new IllegalArgumentException("permutation must have " + length + " entries, got "
                    + (permutation == null ? "none" : permutation.length));
        }
        boolean[] seen = new boolean[length];
        for (int t = 0; t < length; t++) {
            int index = permutation[t];
            if (index < 0 || index >= length || seen[index]) {
                throw new IllegalArgumentException("permutation entry " + t + " (" + index
                        + ") is out of range or repeated; expected each of 0.." + (length - 1) + " once");
            }
            seen[index] = true;
        }
    }

    /**
     * Returns how inputs are prepared.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the class names by class index (empty for regression).
     *
     * @return the labels
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Returns the image height of a permuted-pixel task.
     *
     * @return the height, or 0
     */
    public int imageHeight() {
        return imageHeight;
    }

    /**
     * Returns the image width of a permuted-pixel task.
     *
     * @return the width, or 0
     */
    public int imageWidth() {
        return imageWidth;
    }

    /**
     * Returns the pixel order: step t reads pixel {@code permutation()[t]}.
     *
     * @return a copy, or {@code null} when the task has none
     */
    public int[] permutation() {
        return permutation == null ? null : permutation.clone();
    }

    /**
     * Returns the seed that generated the permutation.
     *
     * @return the seed
     */
    public long permutationSeed() {
        return permutationSeed;
    }

    /**
     * Returns the cell side of a pooled permuted-pixel task.
     *
     * @return k, or 1 when the pixels are not pooled
     */
    public int poolSize() {
        return Math.max(1, poolSize); // artifacts written before pooling existed store none
    }

    /**
     * Returns the cell order of a pooled permuted-pixel task: step s reads cell {@code cellPermutation()[s]}.
     *
     * @return a copy, or {@code null} when the pixels are not pooled
     */
    public int[] cellPermutation() {
        return cellPermutation == null ? null : cellPermutation.clone();
    }

    /**
     * Returns the pooling of a pooled permuted-pixel task.
     *
     * @return the pooling, or {@code null} when the pixels are not pooled
     */
    public PixelPooling pooling() {
        return poolSize() > 1 ? new PixelPooling(imageHeight, imageWidth, poolSize, cellPermutation) : null;
    }

    /**
     * Returns the offset subtracted from inputs (and added to forecasts).
     *
     * @return the mean
     */
    public float inputMean() {
        return inputMean;
    }

    /**
     * Returns the scale inputs are divided by (and forecasts multiplied by).
     *
     * @return the standard deviation
     */
    public float inputStd() {
        return inputStd;
    }

    /**
     * Returns how many steps ahead a forecast lies.
     *
     * @return the horizon, or 0
     */
    public int horizon() {
        return horizon;
    }

    /**
     * Returns the vocabulary of a text task, by id.
     *
     * @return the tokens, or {@code null}
     */
    public List<String> vocabulary() {
        return vocabulary;
    }

    /**
     * Returns the output vocabulary of a sequence task, such as a translation's target side.
     *
     * @return the tokens, or {@code null}
     */
    public List<String> outputVocabulary() {
        return outputVocabulary;
    }

    /**
     * Returns the tokenizer class name of a text task.
     *
     * @return the class name, or {@code null}
     */
    public String tokenizer() {
        return tokenizer;
    }

    /**
     * Returns the tokenizer's lower-case flag.
     *
     * @return whether text is lower-cased
     */
    public boolean lowerCase() {
        return lowerCase;
    }

    /**
     * Returns the id of unknown tokens.
     *
     * @return the id
     */
    public int unknownId() {
        return unknownId;
    }

    /**
     * Returns the longest token sequence a text model takes.
     *
     * @return the length, or 0
     */
    public int maxLength() {
        return maxLength;
    }

    /** Returns this metadata with its big arrays taken from their own files ({@code null}: none). */
    TaskMetadata withData(int[] storedPermutation, int[] storedCells, List<String> storedVocabulary,
            List<String> storedOutputVocabulary) {
        return new TaskMetadata(kind, labels, imageHeight, imageWidth, storedPermutation, permutationSeed, poolSize,
                storedCells, inputMean, inputStd, horizon, storedVocabulary, storedOutputVocabulary, tokenizer,
                lowerCase, unknownId, maxLength);
    }

    /** {@inheritDoc} */
    @Override
    public boolean equals(Object o) {
        return o instanceof TaskMetadata t && t.kind == kind && t.labels.equals(labels)
                && t.imageHeight == imageHeight && t.imageWidth == imageWidth
                && Arrays.equals(t.permutation, permutation) && t.permutationSeed == permutationSeed
                && t.poolSize() == poolSize() && Arrays.equals(t.cellPermutation, cellPermutation)
                && t.inputMean == inputMean && t.inputStd == inputStd && t.horizon == horizon
                && Objects.equals(t.vocabulary, vocabulary) && Objects.equals(t.outputVocabulary, outputVocabulary)
                && Objects.equals(t.tokenizer, tokenizer) && t.lowerCase == lowerCase
                && t.unknownId == unknownId && t.maxLength == maxLength;
    }

    /** {@inheritDoc} */
    @Override
    public int hashCode() {
        return Objects.hash(kind, labels, Arrays.hashCode(permutation), horizon, vocabulary);
    }
}
