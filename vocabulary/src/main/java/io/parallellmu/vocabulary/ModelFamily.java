package io.parallellmu.vocabulary;

/** The model families compared on every task, with their ids. */
public enum ModelFamily implements Identified {
    /** The parallel LMU of Chilkuri and Eliasmith (2021). */
    LMU("lmu", "Parallel LMU"),
    /** The original, nonlinear recurrent LMU cell of Voelker et al. (2019). */
    ORIGINAL_LMU("original-lmu", "Original LMU"),
    /** A long short-term memory network. */
    LSTM("lstm", "LSTM"),
    /** A transformer encoder. */
    TRANSFORMER("transformer", "Transformer"),
    /** An S4D-style complex diagonal state-space model (Gu et al., 2022). */
    SSM("ssm", "Diagonal SSM");

    private final String id;
    private final String displayName;

    ModelFamily(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return id;
    }

    /**
     * Returns the name used in reports and chart legends.
     *
     * @return for example "Parallel LMU"
     */
    public String displayName() {
        return displayName;
    }

    /**
     * Looks a family up by id.
     *
     * @param id for example "original-lmu"
     * @return the family
     * @throws IllegalArgumentException listing the valid ids when {@code id} is unknown
     */
    public static ModelFamily fromId(String id) {
        return Identified.fromId(ModelFamily.class, id, "model");
    }
}
