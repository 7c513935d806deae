package io.parallellmu.cluster;

import ai.djl.Device;
import io.parallellmu.benchmarks.suite.RunEngine.PlannedRun;
import io.parallellmu.benchmarks.suite.SingleRun;
import io.parallellmu.benchmarks.suite.SuitePlan;
import io.parallellmu.benchmarks.suite.Profile;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * What an executor needs to run one planned run: the run and the plan's settings, as plain values that Spark
 * ships to it. The executor rebuilds the run's config from the profile, so the config name it records is the one
 * the driver planned with the same code.
 *
 * @param profile the profile's id
 * @param task the task's id
 * @param family the family's id
 * @param seed the seed
 * @param gpu whether the run trains on the GPU Spark assigns to its task
 * @param dataDir the data root, as the executor's machine sees it
 * @param source the data source's name
 * @param saveModels whether the trained model is sent back as an artifact
 * @param commandLine the suite's command line, for the artifact's card
 */
record RunSpec(String profile, String task, String family, long seed, boolean gpu, String dataDir, String source,
        boolean saveModels, String commandLine) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Describes one run of a plan.
     *
     * @param plan the plan
     * @param run the run
     * @return its spec
     */
    static RunSpec of(SuitePlan plan, PlannedRun run) {
        return new RunSpec(plan.profile().id(), run.key().task().id(), run.key().model().id(), run.key().seed(),
                plan.device().isGpu(), plan.dataDir().toString(), plan.source().name(), plan.saveModels(),
                plan.commandLine());
    }

    /**
     * Returns the plan of this one run on the executor.
     *
     * @param scratch the executor's own output directory
     * @param device the device to train on
     * @return the plan
     */
    SuitePlan plan(Path scratch, Device device) {
        return new SuitePlan(Profile.fromId(profile), List.of(TaskId.fromId(task)),
                List.of(ModelFamily.valueOf(ModelFamily.fromId(family).name())), List.of(seed), device, Path.of(dataDir),
                DataSource.valueOf(source), scratch, 0, true, saveModels, commandLine);
    }

    /**
     * Returns the run, with the profile's config for it.
     *
     * @param plan the plan from {@link #plan}
     * @return the run
     */
    PlannedRun run(SuitePlan plan) {
        return SingleRun.planned(plan, TaskId.fromId(task), ModelFamily.fromId(family), seed);
    }

    /** Returns the run's name in logs and Spark's job list. */
    @Override
    public String toString() {
        return task + "/" + family + "/seed" + seed;
    }
}
