package io.parallellmu.datasets;

/** A loaded task data set that can say what data it holds. */
public interface TaskDataset {

    /**
     * Returns where the data came from; valid once the data set is prepared.
     *
     * @return the provenance
     */
    DataProvenance provenance();
}
