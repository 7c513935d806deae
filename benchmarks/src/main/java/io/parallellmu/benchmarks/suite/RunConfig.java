package io.parallellmu.benchmarks.suite;

import io.parallellmu.benchmarks.tasks.RunSettings;
import io.parallellmu.benchmarks.tasks.TaskSettings;
import io.parallellmu.models.ConfigKey;
import io.parallellmu.models.FamilyConfig;
import io.parallellmu.train.Optimisation;

/**
 * Everything a profile fixes for one (task, family) run: data sizes and training length, the family's settings,
 * and the text models' embedding and head widths, as the task states them ({@link RunSettings}), with the profile.
 * Its {@link #name()} is the config name in every result file.
 *
 * @param profile the profile's id, such as {@code quick}
 * @param settings data sizes, lengths, batch, epochs and learning rate
 * @param family the family's settings
 * @param embeddingSize token embedding width (ignored for real-valued inputs)
 * @param headHiddenSize pair-MLP and attention-output width (ignored where unused)
 * @param optimisation the learning-rate schedule and gradient clipping
 * @param sizedBy the published recipe that fixes the size of a baseline with fewer parameters than the parallel
 *     LMU (see {@link Profile#publishedSize}), or {@code null}
 */
public record RunConfig(String profile, TaskSettings settings, FamilyConfig family, int embeddingSize,
        int headHiddenSize, Optimisation optimisation, String sizedBy) {

    /**
     * A run with the default optimisation, {@link Optimisation#WARM_UP_COSINE_CLIP_1}, sized like the others (no
     * baseline smaller than the parallel LMU).
     *
     * @param profile the profile's id
     * @param settings data sizes, lengths, batch, epochs and learning rate
     * @param family the family's settings
     * @param embeddingSize token embedding width
     * @param headHiddenSize pair-MLP and attention-output width
     */
    public RunConfig(String profile, TaskSettings settings, FamilyConfig family, int embeddingSize,
            int headHiddenSize) {
        this(profile, settings, family, embeddingSize, headHiddenSize, Optimisation.WARM_UP_COSINE_CLIP_1, null);
    }

    /**
     * A profile's run, as its task states it.
     *
     * @param profile the profile's id
     * @param run what the task runs in that profile
     * @return the run
     */
    public static RunConfig of(String profile, RunSettings run) {
        return new RunConfig(profile, run.settings(), run.family(), run.embeddingSize(), run.headHiddenSize(),
                run.optimisation(), run.sizedBy());
    }

    /**
     * Returns the config name, part of every run's resume key (key version {@value ConfigKey#VERSION}, pinned by a
     * test): the profile, then exactly what was used, and for a baseline smaller than the
     * parallel LMU the recipe that fixes its size, so that the report says so beside its parameter count.
     *
     * @return for example {@code quick n=2000/500/500 L=196 V=4 b=50 e=3 lr=0.003 LmuConfig[order=64, ...] emb=0}
     */
    public String name() {
        return profile + " " + settings.describe() + optimisation.describe() + " " + family.key() + " emb=" + embeddingSize
                + " head=" + headHiddenSize + (sizedBy == null ? "" : " size fixed by " + sizedBy);
    }
}
