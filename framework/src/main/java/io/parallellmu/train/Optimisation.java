package io.parallellmu.train;

import ai.djl.training.tracker.Tracker;

/** How a run's Adam is driven: its learning-rate schedule and gradient clipping (see {@link TrainingSetup}). */
public enum Optimisation {
    /** Every profile's default: linear warm-up over 5% of the steps, cosine decay to 1/20, global-norm clip 1. */
    WARM_UP_COSINE_CLIP_1,
    /** The LMU 2019 Mackey-Glass recipe: a constant learning rate, no schedule and no clipping. */
    CONSTANT_NO_CLIP;

    /** Global gradient-norm clip of {@link #WARM_UP_COSINE_CLIP_1}. */
    static final float CLIP_NORM = 1f;

    /**
     * Returns Adam's learning-rate schedule.
     *
     * @param peak the run's peak learning rate, positive
     * @param steps the optimizer steps the run will take, at least 1
     * @return the schedule
     */
    public Tracker learningRate(float peak, int steps) {
        return this == CONSTANT_NO_CLIP ? Tracker.fixed(peak) : LearningRates.warmUpCosine(peak, peak / 20, steps / 20,
                steps);
    }

    /**
     * Returns the global gradient-norm clip.
     *
     * @return the clip, or infinity for none
     */
    public float clipNorm() {
        return this == CONSTANT_NO_CLIP ? Float.POSITIVE_INFINITY : CLIP_NORM;
    }

    /**
     * Describes it for run config names; the default is not spelled out, so that existing config names stay as they
     * are.
     *
     * @return for example {@code " adam=constant,no-clip"}, or an empty string for the default
     */
    public String describe() {
        return this == CONSTANT_NO_CLIP ? " adam=constant,no-clip" : "";
    }
}
