package io.parallellmu.benchmarks.tasks;

import ai.djl.ndarray.NDManager;
import io.parallellmu.datasets.DataSource;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What a task's data is loaded with.
 *
 * @param dataDir the data root holding official data in {@code <task>/} and cached stand-ins
 * @param source AUTO (official when present, else the stand-in), OFFICIAL or STAND_IN
 * @param settings how much data, and which lengths
 * @param manager the manager (on the run's device) that owns the tensors; closing it frees the data
 * @param log where fetching and loading are reported
 */
public record DataRequest(Path dataDir, DataSource source, TaskSettings settings, NDManager manager,
        PrintStream log) {}
