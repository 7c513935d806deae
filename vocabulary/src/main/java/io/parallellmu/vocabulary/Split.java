package io.parallellmu.vocabulary;

/** The parts of a data set, with the ids written in split sizes, learning curves and messages. */
public enum Split implements Identified {
    /** The examples the model is trained on. */
    TRAIN("train"),
    /** The examples that choose the checkpoint and stop training early. */
    VALIDATION("valid"),
    /** The held-out examples every reported metric is measured on. */
    TEST("test");

    private final String id;

    Split(String id) {
        this.id = id;
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return id;
    }

    /**
     * Returns the id of the part of this split that a run used, as written in split sizes.
     *
     * @return for example {@code train-used}
     */
    public String usedId() {
        return id + "-used";
    }

    /**
     * Finds a split by its id.
     *
     * @param id for example {@code valid}
     * @return the split
     * @throws IllegalArgumentException naming the unknown id and the valid ones
     */
    public static Split fromId(String id) {
        return Identified.fromId(Split.class, id, "split");
    }
}
