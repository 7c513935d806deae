package io.parallellmu.datasets;

/** Which data a task loader should use. */
public enum DataSource {
    /** The official data when present under the data directory, otherwise the stand-in. */
    AUTO,
    /** Only the official data; loading fails with instructions when it is missing. */
    OFFICIAL,
    /** Only the offline stand-in (or synthetic data where no real stand-in exists). */
    STAND_IN
}
