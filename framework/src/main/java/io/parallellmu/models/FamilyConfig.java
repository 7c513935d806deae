package io.parallellmu.models;

import io.parallellmu.vocabulary.ModelFamily;

/**
 * One model family's settings, and everything that depends on the family: the encoder it builds for a {@link
 * SequenceRole}, its output width, its dropout and the cost of a training step. Each family's record is the one home
 * of that family; {@link Families} finds its record type and defaults by {@link ModelFamily}. Adding a family is its
 * {@link ModelFamily} constant, its record, its block and one line in {@link Families}.
 */
public interface FamilyConfig {

    /**
     * Returns the family.
     *
     * @return the family
     */
    ModelFamily family();

    /**
     * Builds the encoder that the family brings to a role.
     *
     * @param role what the model needs of the encoder
     * @param variableLength whether inputs are padded (lengths are given)
     * @return the encoder
     */
    SequenceEncoder encoder(SequenceRole role, boolean variableLength);

    /**
     * Returns the width of the encoder's output for a role.
     *
     * @param role the role
     * @return the width
     */
    int outputWidth(SequenceRole role);

    /**
     * Returns the dropout rate of the family's layers, which the task heads built on it (the pair classifier's MLP)
     * use too; 0 where the family has no dropout.
     *
     * @return the rate in [0, 1)
     */
    float dropout();

    /**
     * Returns whether a training step computes every time step at once, with no loop over time in the model.
     *
     * @return true for the parallel LMU's convolutions, attention and the SSM's convolutions
     */
    boolean parallelInTime();

    /**
     * Returns whether the family's causal encoder carries its whole state from one window to the next while
     * {@link io.parallellmu.nn.CarriedStates} are active, so that its language model is a {@link CarriesState}.
     *
     * @return true for the recurrent families whose every layer carries its state; false by default
     */
    default boolean carriesState() {
        return false;
    }

    /**
     * Returns the canonical text of these settings, part of every run's config name and so of its resume key. It is
     * written from explicitly named fields (see {@link ConfigKey}), never from a record's {@code toString}, so that
     * renaming a component cannot silently change the key.
     *
     * @return for example {@code LmuConfig[order=4, theta=4.0, hiddenSize=73, ...]}
     */
    String key();
}
