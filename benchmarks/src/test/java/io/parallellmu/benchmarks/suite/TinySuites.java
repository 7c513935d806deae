package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import ai.djl.Device;
import io.parallellmu.datasets.DataSource;
import java.nio.file.Path;
import java.util.List;

/** Plans of the tiny profile on fixture data, for tests. */
final class TinySuites {

    /** The command line the tiny plans record. */
    static final String COMMAND = "plmu suite --profile tiny (test)";

    private TinySuites() {}

    static SuitePlan plan(List<TaskId> tasks, Path dataDir, Path out, boolean saveModels) {
        return plan(tasks, List.of(ModelFamily.values()), dataDir, out, saveModels);
    }

    static SuitePlan plan(List<TaskId> tasks, List<ModelFamily> families, Path dataDir, Path out, boolean saveModels) {
        return new SuitePlan(Profile.TINY, tasks, families, List.of(0L), Device.cpu(), dataDir,
                DataSource.OFFICIAL, out, 0, false, saveModels, COMMAND);
    }
}
