package io.parallellmu.benchmarks.tasks;

import io.parallellmu.models.DefaultConfigs;
import io.parallellmu.models.Families;
import io.parallellmu.models.FamilyConfig;
import io.parallellmu.train.Optimisation;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;

/**
 * What a profile fixes for one run of a task by one family, as the task states it ({@link BenchmarkTask#tiny} and
 * its siblings): data sizes and training length, the family's settings, the text models' widths, the optimisation,
 * and the published recipe that fixes a baseline's size, if any. The suite's {@code RunConfig} adds the profile.
 *
 * @param settings data sizes, lengths, batch, epochs and learning rate
 * @param family the family's settings
 * @param embeddingSize token embedding width (ignored for real-valued inputs)
 * @param headHiddenSize pair-MLP and attention-output width (ignored where unused)
 * @param optimisation the learning-rate schedule and gradient clipping
 * @param sizedBy the published recipe that fixes the size of a baseline with fewer trainable parameters than the
 *     parallel LMU, or {@code null} when the baseline is sized to at least the parallel LMU's count
 */
public record RunSettings(TaskSettings settings, FamilyConfig family, int embeddingSize, int headHiddenSize,
        Optimisation optimisation, String sizedBy) {

    /**
     * A run of a real-valued task (no embedding, no head) with the default optimisation,
     * {@link Optimisation#WARM_UP_COSINE_CLIP_1}.
     *
     * @param settings data sizes, lengths, batch, epochs and learning rate
     * @param family the family's settings
     * @return the run
     */
    public static RunSettings of(TaskSettings settings, FamilyConfig family) {
        return of(settings, family, 0, 0);
    }

    /**
     * A run with the default optimisation, {@link Optimisation#WARM_UP_COSINE_CLIP_1}, sized like the others.
     *
     * @param settings data sizes, lengths, batch, epochs and learning rate
     * @param family the family's settings
     * @param embeddingSize token embedding width
     * @param headHiddenSize pair-MLP and attention-output width
     * @return the run
     */
    public static RunSettings of(TaskSettings settings, FamilyConfig family, int embeddingSize, int headHiddenSize) {
        return new RunSettings(settings, family, embeddingSize, headHiddenSize, Optimisation.WARM_UP_COSINE_CLIP_1,
                null);
    }

    /**
     * Returns the same run with another optimisation.
     *
     * @param other the learning-rate schedule and clipping
     * @return the run
     */
    public RunSettings withOptimisation(Optimisation other) {
        return new RunSettings(settings, family, embeddingSize, headHiddenSize, other, sizedBy);
    }

    /**
     * Returns the same run with its size fixed by a published recipe, so that the report says so beside its
     * parameter count.
     *
     * @param recipe the recipe that fixes the size
     * @return the run
     */
    public RunSettings withSizeFixedBy(String recipe) {
        return new RunSettings(settings, family, embeddingSize, headHiddenSize, optimisation, recipe);
    }

    /**
     * The tiny profile's run of a text task: 48 training and 16 validation and test records, batch 16, one epoch at
     * rate 0.01, a one-layer model of order 8 and width 16 over θ = L, and embedding and head widths of 16.
     *
     * @param family the family
     * @param length the sequence length L
     * @param vocabulary the largest token vocabulary
     * @return the run
     */
    public static RunSettings tinyText(ModelFamily family, int length, int vocabulary) {
        return of(TaskSettings.limits(48, 16, 16).length(length).vocabulary(vocabulary)
                .batchSize(16).epochs(1).learningRate(0.01f), small(family, length, 8, 16), 16, 16);
    }

    /**
     * A one-layer model of a family from the three sizes the tiny and quick profiles state for every family.
     *
     * @param family the family
     * @param theta the memory window θ (the LMU's), in steps
     * @param order the memory order d, or the state size
     * @param width the hidden width
     * @return the family's settings
     */
    public static FamilyConfig small(ModelFamily family, double theta, int order, int width) {
        return Families.of(family).small(theta, order, width);
    }

    /**
     * The standard and paper profiles' text run: the parallel LMU of {@link DefaultConfigs#textEncoder} (eq. 21,
     * several memory channels), or a baseline sized by its family to no fewer parameters than it, with the default
     * text embedding and head widths.
     *
     * @param task the text task
     * @param family the family
     * @param settings the data settings, whose length is the encoder's θ
     * @return the run
     * @throws IllegalArgumentException for a family that has no text encoder (the original LMU)
     */
    public static RunSettings textEncoder(TaskId task, ModelFamily family, TaskSettings settings) {
        FamilyConfig encoder = Families.of(family).textEncoder(task, settings.length()).orElseThrow(
                () -> new IllegalArgumentException("no text encoder for " + family.id()
                        + ": it is only compared on psMNIST and Mackey-Glass"));
        return of(settings, encoder, DefaultConfigs.TEXT_EMBEDDING, DefaultConfigs.TEXT_HEAD_HIDDEN);
    }
}
