package io.parallellmu.benchmarks.suite;

import ai.djl.Device;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.models.Family;
import io.parallellmu.reports.schema.TaskId;
import java.nio.file.Path;
import java.util.List;

/** Plans of the tiny profile on fixture data, for tests. */
final class TinySuites {

    private TinySuites() {}

    static SuitePlan plan(List<TaskId> tasks, Path dataDir, Path out, boolean saveModels) {
        return new SuitePlan(Profile.TINY, tasks, List.of(Family.values()), List.of(0L), Device.cpu(), dataDir,
                DataSource.OFFICIAL, out, 0, false, saveModels, "plmu suite --profile tiny (test)");
    }
}
