package io.parallellmu.benchmarks.speed;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * One model configuration of the speed study at one sequence length: a classifier from (B, L, 1) inputs
 * to 10 classes, trained one step at a time.
 */
public interface SpeedCase {

    /** The read-out size every configuration shares. */
    int CLASSES = 10;

    /**
     * Returns the configuration's name, such as {@code lmu-final} or {@code lstm-128}.
     *
     * @return the name
     */
    String configuration();

    /**
     * Returns how the model is computed: an LMU memory mode such as {@code MATMUL} or {@code RECURRENT},
     * or for families with one way of computing {@code sequential} or {@code parallel}.
     *
     * @return the mode
     */
    String mode();

    /**
     * Returns the batch size.
     *
     * @return B
     */
    int batch();

    /**
     * Returns the sequence length.
     *
     * @return L
     */
    int length();

    /**
     * Returns the input shape.
     *
     * @return (B, L, 1)
     */
    default Shape inputShape() {
        return new Shape(batch(), length(), 1);
    }

    /**
     * Builds a fresh, uninitialised model.
     *
     * @return the block
     */
    Block build();

    /**
     * Counts the FLOPs of one training step (forward and backward), a multiply-add counting as 2.
     *
     * @param block the model as built and trained, so that a mode chosen at run time can be asked for; cases
     *     that can be skipped before running ({@link #minimumBytes()} above 0) must not need it to have run
     * @return FLOPs
     */
    double flops(Block block);

    /**
     * Returns a lower bound on the memory one training step needs, where a case can tell it from its
     * shapes alone, so that a case that cannot fit is skipped rather than crash the study.
     *
     * @return bytes, or 0 when not known
     */
    default double minimumBytes() {
        return 0;
    }

    /**
     * Says anything about how the case ran that a reader must know, such as the mode AUTO chose.
     *
     * @param block the model as built and trained
     * @return a note, possibly empty
     */
    default String note(Block block) {
        return "";
    }
}
