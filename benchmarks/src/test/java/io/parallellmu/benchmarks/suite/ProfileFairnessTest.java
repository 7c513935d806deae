package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.benchmarks.tasks.Tasks;
import io.parallellmu.models.TaskModels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fair sizes: in the quick, standard and paper profiles, every baseline of every task has at least as many
 * trainable parameters as the parallel LMU it is compared with, unless {@link Profile#publishedSize} names the
 * published recipe that fixes its size. Counts are at full size: the profile's vocabulary limits (what the official
 * data fills), embeddings included (the same for every family except the transformer translator's own).
 */
class ProfileFairnessTest {

    @Test
    void everyBaselineHasAtLeastTheParallelLmusParameters() {
        List<String> unfair = new ArrayList<>();
        for (Profile profile : List.of(Profile.QUICK, Profile.STANDARD, Profile.PAPER)) {
            for (TaskId task : TaskId.values()) {
                long lmu = parameters(profile, task, ModelFamily.LMU);
                for (ModelFamily family : Tasks.of(task).families()) {
                    long baseline = parameters(profile, task, family);
                    if (family != ModelFamily.LMU && baseline < lmu && profile.publishedSize(task, family) == null) {
                        unfair.add(profile.id() + " " + task.id() + " " + family + ": " + baseline + " < LMU " + lmu);
                    }
                }
            }
        }
        assertTrue(unfair.isEmpty(), "baselines smaller than the parallel LMU: " + unfair);
    }

    @Test
    void publishedSizesAreNamedOnlyForFamiliesThatHaveThem() {
        assertTrue(Profile.PAPER.publishedSize(TaskId.PSMNIST, ModelFamily.ORIGINAL_LMU).contains("102"));
        assertTrue(Profile.PAPER.publishedSize(TaskId.IMDB, ModelFamily.LSTM) == null);
        assertTrue(Profile.QUICK.publishedSize(TaskId.PSMNIST, ModelFamily.ORIGINAL_LMU) == null);
    }

    private static long parameters(Profile profile, TaskId task, ModelFamily family) {
        return TaskModels.countParameters(FullSize.model(task, profile.config(task, family)));
    }
}
