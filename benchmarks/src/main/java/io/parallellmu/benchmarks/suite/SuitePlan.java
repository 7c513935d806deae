package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import ai.djl.Device;
import io.parallellmu.datasets.DataSource;
import java.nio.file.Path;
import java.util.List;

/**
 * What one suite invocation runs, and where.
 *
 * @param profile sizes and training lengths
 * @param tasks the tasks, in report order
 * @param families the families asked for (each task runs those of its own families that are asked for)
 * @param seeds the seeds, each at least 0; each (task, family) runs once per seed
 * @param device the device to train on
 * @param dataDir the data root
 * @param source AUTO (official when present, else the stand-in), OFFICIAL or STAND_IN
 * @param out the output directory (results.csv, curves.csv, skipped.csv, provenance.json, report.md, charts)
 * @param maxMinutes no run is started after this many minutes (finite, at least 0); 0 for no limit
 * @param force rerun finished runs instead of skipping them
 * @param saveModels save each trained model as a zoo artifact under {@code out/models}
 * @param commandLine the exact command line, for the provenance
 * @param keepCheckpoints keep each finished run's checkpoints under {@code out/.checkpoints} instead of deleting them
 */
public record SuitePlan(Profile profile, List<TaskId> tasks, List<ModelFamily> families, List<Long> seeds, Device device,
        Path dataDir, DataSource source, Path out, double maxMinutes, boolean force, boolean saveModels,
        String commandLine, boolean keepCheckpoints) {

    /**
     * A plan whose finished runs delete their checkpoints.
     *
     * @param profile sizes and training lengths
     * @param tasks the tasks, in report order
     * @param families the families asked for
     * @param seeds the seeds
     * @param device the device to train on
     * @param dataDir the data root
     * @param source AUTO, OFFICIAL or STAND_IN
     * @param out the output directory
     * @param maxMinutes no run is started after this many minutes; 0 for no limit
     * @param force rerun finished runs instead of skipping them
     * @param saveModels save each trained model as a zoo artifact
     * @param commandLine the exact command line, for the provenance
     */
    public SuitePlan(Profile profile, List<TaskId> tasks, List<ModelFamily> families, List<Long> seeds, Device device,
            Path dataDir, DataSource source, Path out, double maxMinutes, boolean force, boolean saveModels,
            String commandLine) {
        this(profile, tasks, families, seeds, device, dataDir, source, out, maxMinutes, force, saveModels, commandLine,
                false);
    }

    /** Copies the lists and checks them. */
    public SuitePlan {
        tasks = List.copyOf(tasks);
        families = List.copyOf(families);
        seeds = List.copyOf(seeds);
        if (tasks.isEmpty() || families.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one task, model and seed are needed");
        }
        if (!(maxMinutes >= 0) || Double.isInfinite(maxMinutes)) {
            throw new IllegalArgumentException("--max-minutes must be at least 0 and finite (0 = no limit), got "
                    + maxMinutes);
        }
        for (long seed : seeds) {
            if (seed < 0) {
                throw new IllegalArgumentException("--seeds must be at least 0, got " + seed);
            }
        }
    }
}
