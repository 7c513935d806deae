package io.parallellmu.benchmarks.suite;

import io.parallellmu.benchmarks.tasks.TaskSettings;
import io.parallellmu.models.FamilyConfig;

/**
 * Everything a profile fixes for one (task, family) run: data sizes and training length, the family's settings,
 * and the text models' embedding and head widths. Its {@link #name()} is the config name in every result file.
 *
 * @param profile the profile's id, such as {@code quick}
 * @param settings data sizes, lengths, batch, epochs and learning rate
 * @param family the family's settings
 * @param embeddingSize token embedding width (ignored for real-valued inputs)
 * @param headHiddenSize pair-MLP and attention-output width (ignored where unused)
 * @param optimisation the learning-rate schedule and gradient clipping
 */
public record RunConfig(String profile, TaskSettings settings, FamilyConfig family, int embeddingSize,
        int headHiddenSize, Optimisation optimisation) {

    /**
     * A run with the default optimisation, {@link Optimisation#WARM_UP_COSINE_CLIP_1}.
     *
     * @param profile the profile's id
     * @param settings data sizes, lengths, batch, epochs and learning rate
     * @param family the family's settings
     * @param embeddingSize token embedding width
     * @param headHiddenSize pair-MLP and attention-output width
     */
    public RunConfig(String profile, TaskSettings settings, FamilyConfig family, int embeddingSize,
            int headHiddenSize) {
        this(profile, settings, family, embeddingSize, headHiddenSize, Optimisation.WARM_UP_COSINE_CLIP_1);
    }

    /**
     * Returns the config name: the profile, then exactly what was used.
     *
     * @return for example {@code quick n=2000/500/500 L=196 V=4 b=50 e=3 lr=0.003 LmuConfig[order=64, ...] emb=0}
     */
    public String name() {
        return profile + " " + settings.describe() + optimisation.describe() + " " + family + " emb=" + embeddingSize
                + " head=" + headHiddenSize;
    }
}
