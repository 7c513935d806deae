package io.parallellmu.vocabulary;

/** The seven tasks of the paper, with the ids used in every file and on the command line. */
public enum TaskId implements Identified {
    /** Permuted sequential MNIST: classify a 784-step pixel sequence. */
    PSMNIST("psmnist", "psMNIST"),
    /** Mackey-Glass: predict a chaotic time series 15 steps ahead. */
    MACKEY_GLASS("mackey-glass", "Mackey-Glass"),
    /** IMDB movie-review sentiment classification. */
    IMDB("imdb", "IMDB"),
    /** Quora Question Pairs: are two questions duplicates. */
    QQP("qqp", "QQP"),
    /** Stanford Natural Language Inference. */
    SNLI("snli", "SNLI"),
    /** IWSLT'15 English to Vietnamese translation. */
    IWSLT15_EN_VI("iwslt15-en-vi", "IWSLT'15 En-Vi"),
    /** text8 character-level language modelling. */
    TEXT8("text8", "text8");

    private final String id;
    private final String displayName;

    TaskId(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return id;
    }

    /**
     * Returns the name used in reports and chart titles.
     *
     * @return for example "psMNIST"
     */
    public String displayName() {
        return displayName;
    }

    /**
     * Looks a task up by id.
     *
     * @param id for example "psmnist"
     * @return the task
     * @throws IllegalArgumentException listing the valid ids when {@code id} is unknown
     */
    public static TaskId fromId(String id) {
        return Identified.fromId(TaskId.class, id, "task");
    }
}
