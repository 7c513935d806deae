package io.parallellmu.zoo;

import java.util.List;
import java.util.stream.IntStream;

/**
 * What a translator needs besides the weights: how raw inputs become the model's sequence and what its outputs
 * mean. Plain data (no data-set classes), so that the framework can read it without the datasets module.
 *
 * <p>One record per kind of input, each holding only its own fields: its components are {@code task.json}'s fields
 * of the same names, except those marked {@link StoredIn}, which are kept in files of their own. Its
 * {@link MetadataKind} names it in the {@code "kind"} field, reads it back (refusing a missing field by name) and
 * offers its translators. To add a kind: write its record (with its {@code KIND} and {@code read}) and its
 * translator, permit the record here and list its kind in {@link MetadataKind}'s registry.
 *
 * <p>Stored in an artifact as {@code task.json}, with the psMNIST permutation in {@code permutation.txt}, a pooled
 * model's cell order in {@code cell-permutation.txt}, and vocabularies in {@code vocabulary.txt} and
 * {@code output-vocabulary.txt} (one token per line, the line number being its id).
 */
public sealed interface TaskMetadata permits PermutedPixels, Forecast, TextClassification, TextPairClassification,
        Translation, CharacterModel, RawSequence {

    /**
     * Returns this metadata's kind: its name in {@code task.json}, its DJL application and its translators.
     *
     * @return the kind
     */
    MetadataKind<?> kind();

    /**
     * Metadata of a permuted-pixel classifier such as psMNIST, not pooled.
     *
     * @param height image height, 28 for MNIST
     * @param width image width, 28 for MNIST
     * @param permutation a permutation of 0..height·width−1
     * @param seed the seed that generated the permutation, for the record
     * @param labels the class names, by class index
     * @return the metadata
     * @throws IllegalArgumentException if {@code permutation} is not a permutation of the right length
     * @see PermutedPixels
     */
    static PermutedPixels permutedPixels(int height, int width, int[] permutation, long seed, List<String> labels) {
        return new PermutedPixels(height, width, permutation, seed, 1, null, labels);
    }

    /**
     * Metadata of a pooled permuted-pixel classifier such as psMNIST at 196 or 49 steps.
     *
     * @param height image height, 28 for MNIST
     * @param width image width, 28 for MNIST
     * @param permutation a permutation of 0..height·width−1, the pixel order the data set reads
     * @param seed the seed that generated the permutations, for the record
     * @param poolSize the cell side k, dividing height and width
     * @param cellPermutation a permutation of the (height/k)·(width/k) cells
     * @param labels the class names, by class index
     * @return the metadata
     * @throws IllegalArgumentException if a permutation is not one of the right length or k does not divide the
     *     image
     * @see PermutedPixels
     */
    static PermutedPixels pooledPixels(int height, int width, int[] permutation, long seed, int poolSize,
            int[] cellPermutation, List<String> labels) {
        return new PermutedPixels(height, width, permutation, seed, poolSize, cellPermutation, labels);
    }

    /**
     * Metadata of a causal forecaster such as Mackey-Glass.
     *
     * @param horizon how many steps ahead the output lies
     * @param squashed whether values go through tanh(x − 1) before the offset is subtracted
     * @param mean the normalisation offset
     * @param std the normalisation scale, positive
     * @return the metadata
     * @see Forecast
     */
    static Forecast forecast(int horizon, boolean squashed, float mean, float std) {
        return new Forecast(horizon, squashed, mean, std);
    }

    /**
     * Metadata of a text classifier.
     *
     * @param vocabulary the tokens by id
     * @param labels the class names, by class index
     * @param tokenizer the class name of the DJL {@code Tokenizer} used in training
     * @param lowerCase the tokenizer's lower-case flag
     * @param unknownId the id of tokens outside the vocabulary
     * @param maxLength the longest token sequence the model was trained on
     * @return the metadata
     * @see TextClassification
     */
    static TextClassification textClassification(List<String> vocabulary, List<String> labels, String tokenizer,
            boolean lowerCase, int unknownId, int maxLength) {
        return new TextClassification(vocabulary, labels, tokenizer, lowerCase, unknownId, maxLength);
    }

    /**
     * Metadata of a sentence-pair classifier.
     *
     * @param vocabulary the tokens by id, shared by both texts
     * @param labels the class names, by class index
     * @param tokenizer the class name of the DJL {@code Tokenizer} used in training
     * @param lowerCase the tokenizer's lower-case flag
     * @param unknownId the id of tokens outside the vocabulary
     * @param maxLength the longest token sequence of each text the model was trained on
     * @return the metadata
     * @see TextPairClassification
     */
    static TextPairClassification textPairClassification(List<String> vocabulary, List<String> labels,
            String tokenizer, boolean lowerCase, int unknownId, int maxLength) {
        return new TextPairClassification(vocabulary, labels, tokenizer, lowerCase, unknownId, maxLength);
    }

    /**
     * Metadata of a translation model, decoded by beam search.
     *
     * @param sourceVocabulary the source tokens by id
     * @param targetVocabulary the target tokens by id
     * @param tokenizer the class name of the DJL {@code Tokenizer} that made the corpus's tokens
     * @param lowerCase the tokenizer's lower-case flag
     * @param unknownId the id of source tokens outside the vocabulary
     * @param maxLength the longest source the model reads
     * @param beginId the target id that starts a translation
     * @param endId the target id that ends one
     * @param beamWidth the beam width
     * @param lengthPenalty GNMT's length penalty α
     * @return the metadata
     * @see Translation
     */
    static Translation translation(List<String> sourceVocabulary, List<String> targetVocabulary, String tokenizer,
            boolean lowerCase, int unknownId, int maxLength, int beginId, int endId,
            int beamWidth, float lengthPenalty) {
        return new Translation(sourceVocabulary, targetVocabulary, tokenizer, lowerCase, unknownId, maxLength,
                beginId, endId, beamWidth, lengthPenalty);
    }

    /**
     * Metadata of a character-level language model.
     *
     * @param vocabulary the characters by id
     * @param lowerCase whether prefixes are lower-cased first
     * @param unknownId the id characters outside the vocabulary are read as
     * @return the metadata
     * @see CharacterModel
     */
    static CharacterModel characterModel(List<String> vocabulary, boolean lowerCase, int unknownId) {
        return new CharacterModel(vocabulary, lowerCase, unknownId);
    }

    /**
     * Metadata of a model used through raw {@code NDList}s only.
     *
     * @return the metadata
     */
    static RawSequence sequence() {
        return new RawSequence(null, null);
    }

    /**
     * Metadata of a model used through raw {@code NDList}s, with the vocabularies its token ids mean.
     *
     * @param inputVocabulary the input tokens by id, or {@code null}
     * @param outputVocabulary the output tokens by id (a translation's target side), or {@code null}
     * @return the metadata
     * @see RawSequence
     */
    static RawSequence sequence(List<String> inputVocabulary, List<String> outputVocabulary) {
        return new RawSequence(inputVocabulary, outputVocabulary);
    }

    /**
     * Returns the class names {@code 0, 1, …, n−1}.
     *
     * @param classes n
     * @return the names
     */
    static List<String> numberedLabels(int classes) {
        return IntStream.range(0, classes).mapToObj(Integer::toString).toList();
    }
}
