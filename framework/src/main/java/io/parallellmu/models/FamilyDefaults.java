package io.parallellmu.models;

import io.parallellmu.vocabulary.TaskId;
import java.util.Optional;

/**
 * A family's record type and its default settings for each kind of model the profiles build, so that a profile asks
 * the family rather than switching on it. Each family's record holds its implementation; {@link Families} lists them.
 */
public interface FamilyDefaults {

    /**
     * Returns the family's settings record, which model artifacts' {@code config.json} is read into.
     *
     * @return the record class
     */
    Class<? extends FamilyConfig> configType();

    /**
     * Returns a one-layer model for the tiny and quick profiles, from the sizes they state for every family.
     *
     * @param theta the LMU window θ (the sequence length), for families with a memory
     * @param order the LMU order d, for families with a memory or state of comparable size
     * @param width the hidden width
     * @return the settings
     */
    FamilyConfig small(double theta, int order, int width);

    /**
     * Returns the psMNIST model of the standard and paper profiles.
     *
     * @return the settings
     */
    FamilyConfig psMnist();

    /**
     * Returns the Mackey-Glass model of the standard profile (about 18k parameters, as in the LMU 2019 comparison).
     *
     * @return the settings
     */
    FamilyConfig mackeyGlass();

    /**
     * Returns the Mackey-Glass model of the paper profile, the LMU 2019 recipe's where it has one.
     *
     * @return the settings; by default {@link #mackeyGlass()}
     */
    default FamilyConfig mackeyGlass2019() {
        return mackeyGlass();
    }

    /**
     * Returns the text encoder of the standard and paper profiles for a text task, sized to no fewer parameters than
     * the parallel LMU's on that task.
     *
     * @param task IMDB, QQP, SNLI, IWSLT or text8
     * @param theta the LMU window θ (the sequence length)
     * @return the settings, or empty where the family is not offered on text
     */
    Optional<FamilyConfig> textEncoder(TaskId task, double theta);
}
