package io.parallellmu.benchmarks.suite;

import io.parallellmu.benchmarks.tasks.BenchmarkTask;
import io.parallellmu.benchmarks.tasks.RunSettings;
import io.parallellmu.benchmarks.tasks.Tasks;
import io.parallellmu.models.DefaultConfigs;
import io.parallellmu.train.Optimisation;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The suite's profiles: how large and how long the suite's runs are. Each task states what every profile runs on it
 * ({@link BenchmarkTask#tiny}, {@link BenchmarkTask#quick}, {@link BenchmarkTask#standard},
 * {@link BenchmarkTask#paper}: data sizes, training length and model settings, with where each comes from); this enum
 * holds what is profile-wide. Each run's config name ({@link RunConfig#name()}) spells all of the settings out, so
 * results.csv and report.md record exactly what was used.
 *
 * <ul>
 *   <li>{@link #TINY}: seconds per task on fixture-sized data, for tests. Models of a few hundred to a few
 *       thousand parameters, one epoch (Mackey-Glass: 30 epochs of one step).
 *   <li>{@link #QUICK}: the default and the README's main job; all 7 tasks × all families in minutes on 2 CPU
 *       cores (the README states the measured time), showing real learning on subsampled data.
 *   <li>{@link #STANDARD}: hours on a CPU. The {@link DefaultConfigs} models (paper-sized where known: psMNIST LMU
 *       order 468, θ 784, hidden 346; ~18k-parameter Mackey-Glass models; ~52k-parameter text encoders whose LMU has
 *       16 memory channels of order 16, eq. 21) on all the data, for a few epochs.
 *   <li>{@link #PAPER}: the same models for the paper's training lengths where known (psMNIST 15 epochs at batch
 *       100, as pytorch-lmu; Mackey-Glass exactly the LMU 2019 recipe; IWSLT'15 test translated by beam search).
 *       GPU advised.
 * </ul>
 *
 * <p>What each costs is printed by {@code plmu suite --estimate}; the README lists it for this project's 2-core
 * machine. Before each standard or paper run the suite predicts its memory ({@link #probesMemory}) and skips a run
 * that cannot fit, naming what it needs.
 *
 * <p><b>Fair sizes.</b> In the quick, standard and paper profiles every baseline has at least as many trainable
 * parameters as the parallel LMU it is compared with (checked by {@code ProfileFairnessTest}; each result lists its
 * parameter count), except where a published recipe fixes the baseline's size ({@link #publishedSize}): the original
 * LMU on psMNIST (the LMU 2019 model, 102k against the parallel LMU's 166k, standard and paper) and on Mackey-Glass
 * (the LMU 2019 model, 18,246 against 18,284). Text baselines are sized per task: the pair classifier's MLP and the
 * translator's attention take the encoder's width, and the transformer translator embeds tokens at its own width.
 *
 * <p>Learning rates are Adam's peaks (warm-up over 5% of the steps, cosine decay to 1/20); gradients are clipped
 * to global norm 1 ({@link Optimisation#WARM_UP_COSINE_CLIP_1}), except in the paper profile's Mackey-Glass.
 */
public enum Profile {
    /** Fixture-sized data and tiny models, for tests. */
    TINY,
    /** All tasks × families in minutes on 2 quiet CPU cores (the README states the measured time). */
    QUICK,
    /** Hours on a CPU, default-sized models. */
    STANDARD,
    /** The paper's sizes and training lengths where known; GPU advised. */
    PAPER;

    /**
     * Returns the profile's id, as on the command line.
     *
     * @return for example {@code quick}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Looks a profile up by id.
     *
     * @param id tiny, quick, standard or paper
     * @return the profile
     * @throws IllegalArgumentException listing the valid ids
     */
    public static Profile fromId(String id) {
        for (Profile profile : values()) {
            if (profile.id().equals(id)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + id + "'; valid: "
                + Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", ")));
    }

    /**
     * Returns the settings of one run.
     *
     * @param task the task
     * @param family the family
     * @return data sizes, training length and model settings
     */
    public RunConfig config(TaskId task, ModelFamily family) {
        BenchmarkTask definition = Tasks.of(task);
        RunSettings run = switch (this) {
            case TINY -> definition.tiny(family);
            case QUICK -> definition.quick(family);
            case STANDARD -> definition.standard(family);
            case PAPER -> definition.paper(family);
        };
        return RunConfig.of(id(), run);
    }

    /**
     * Names the published recipe that fixes a baseline's size where it has fewer trainable parameters than the
     * parallel LMU it is compared with; every other baseline is sized to at least the parallel LMU's count (checked
     * by a test for the quick, standard and paper profiles).
     *
     * @param task the task
     * @param family one of the task's families
     * @return the recipe, or {@code null} when the family is sized to match the parallel LMU
     */
    public String publishedSize(TaskId task, ModelFamily family) {
        return config(task, family).sizedBy();
    }

    /**
     * Tells whether the suite predicts each run's memory before starting it (see {@link RunProbe}): the standard and
     * paper runs are large enough that one may not fit, and the suite then skips it with the memory it needs
     * instead of being killed in the middle of it; the tiny and quick runs need well under a gigabyte.
     *
     * @return whether runs are checked
     */
    public boolean probesMemory() {
        return this == STANDARD || this == PAPER;
    }
}
