package io.parallellmu.cluster;

import io.parallellmu.benchmarks.suite.RunEngine;

/** Makes the {@code spark} engine for {@code plmu suite --engine spark}; listed in META-INF/services. */
public final class SparkEngineFactory implements RunEngine.Factory {

    /** {@inheritDoc} */
    @Override
    public String name() {
        return "spark";
    }

    /** {@inheritDoc} */
    @Override
    public RunEngine create(String master, int coresPerRun) {
        return new SparkEngine(master, coresPerRun);
    }
}
